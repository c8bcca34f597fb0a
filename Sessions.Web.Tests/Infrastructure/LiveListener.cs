using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>
/// A SignalR client over a real socket to <c>/hubs/sessions</c>, signed in with a bearer token as the mobile apps are.
/// It records every event in arrival order, so a test can await the next one instead of sleeping.
/// </summary>
public sealed class LiveListener : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HubConnection _connection;
    private readonly Channel<object> _messages = Channel.CreateUnbounded<object>();
    private readonly TaskCompletionSource<IReadOnlyList<string>> _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<LiveSubscribedMessage>(nameof(ILiveClient.Subscribed), m => _subscribed.TrySetResult(m.Groups));
        _connection.On<SessionStartedMessage>(nameof(ILiveClient.SessionStarted), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionEndedMessage>(nameof(ILiveClient.SessionEnded), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionScheduledMessage>(nameof(ILiveClient.SessionScheduled), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionUpdatedMessage>(nameof(ILiveClient.SessionUpdated), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionCancelledMessage>(nameof(ILiveClient.SessionCancelled), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionWrapUpMessage>(nameof(ILiveClient.SessionWrapUp), m => _messages.Writer.TryWrite(m));
        _connection.On<SessionExtendedMessage>(nameof(ILiveClient.SessionExtended), m => _messages.Writer.TryWrite(m));
        _connection.On<ParticipantJoinedMessage>(nameof(ILiveClient.ParticipantJoined), m => _messages.Writer.TryWrite(m));
        _connection.On<ParticipantLeftMessage>(nameof(ILiveClient.ParticipantLeft), m => _messages.Writer.TryWrite(m));
        _connection.On<ChatMessagePostedMessage>(nameof(ILiveClient.ChatMessagePosted), m => _messages.Writer.TryWrite(m));
        _connection.On<ChatMessageDeletedMessage>(nameof(ILiveClient.ChatMessageDeleted), m => _messages.Writer.TryWrite(m));
        _connection.On<ActivityLoggedMessage>(nameof(ILiveClient.ActivityLogged), m => _messages.Writer.TryWrite(m));
        _connection.On<MembershipChangedMessage>(nameof(ILiveClient.MembershipChanged), m => _messages.Writer.TryWrite(m));
        _connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public static async Task<LiveListener> ConnectAsync(SessionsAppFactory app, AppUser user) =>
        await ConnectAsync(app, await app.Data.TokenForAsync(user));

    /// <summary>Connects with a token the test already has (several connections of one sign-in).</summary>
    public static async Task<LiveListener> ConnectAsync(SessionsAppFactory app, string token)
    {
        var listener = new LiveListener(Connection(app, token));
        await listener._connection.StartAsync();
        // The handshake completes before the hub has put the connection in its groups; Subscribed says it has.
        await listener._subscribed.Task.WaitAsync(Patience);
        return listener;
    }

    /// <summary>A connection to the app's hub over a real socket, not started, with <paramref name="token"/> as a mobile app sends it.</summary>
    public static HubConnection Connection(SessionsAppFactory app, string token)
    {
        using var client = app.CreateClient();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseAddress!, LiveHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
    }

    /// <summary>The groups the hub put this connection in, as its first message said.</summary>
    public IReadOnlyList<string> Groups => _subscribed.Task.Result;

    /// <summary>
    /// The next message this connection receives after <see cref="ILiveClient.Subscribed"/>, in the order the server sent
    /// them; fails the test if none arrives in time.
    /// </summary>
    public async Task<object> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _messages.Reader.ReadAsync(timeout.Token);
    }

    public async Task<T> NextAsync<T>() where T : class => Assert.IsType<T>(await NextAsync());

    /// <summary>Completes when the server closes the connection; fails the test if it stays open.</summary>
    public Task ClosedAsync() => _closed.Task.WaitAsync(Patience);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
