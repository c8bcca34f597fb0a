using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Overview;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Sessions.Components;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>
/// Today's sessions across the school, as <see cref="SchoolOverview"/> answers them. It reads again whenever a session changes
/// anywhere in the school (<see cref="LiveGroups.School"/>) and every <see cref="Reread"/>, so "starting within the hour" and
/// "missed" move with the clock; ending a live session calls the same <see cref="SessionService.EndAsync"/> as the API.
/// </summary>
public sealed partial class AdminOverviewPage : IDisposable
{
    /// <summary>How often the page reads again with no event: the lists' time bounds move by the minute.</summary>
    public static readonly TimeSpan Reread = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _closing = new();
    private SessionActor _actor = default!;
    private UserTime _userTime = default!;
    private SchoolDay? _day;
    private string? _error;
    private IDisposable? _subscription;
    private ITimer? _timer;
    private bool _reading;
    private bool _readAgain;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private SchoolOverview Overview { get; set; } = default!;
    [Inject] private SessionService Sessions { get; set; } = default!;
    [Inject] private LiveSubscriptions Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<SessionsText> SessionsText { get; set; } = default!;

    private string DayLabel => Format.Day(_userTime.ToLocal(_day!.NowUtc));

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = SessionActor.From(user);
        _userTime = UserTime.For(user);
        await ReadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        _subscription = Live.Subscribe([LiveGroups.School], _ => Changed());
        _timer = Time.CreateTimer(_ => Changed(), null, Reread, Reread);
        // What changed between the first read and the subscription is read now.
        Changed();
    }

    private void Changed()
    {
        if (!_closing.IsCancellationRequested)
        {
            _ = InvokeAsync(ReadAsync);
        }
    }

    /// <summary>
    /// Reads the overview again; events arriving meanwhile ask for one more read, not one each, so a class filling its room
    /// costs two reads, not fifty. Runs on the renderer, so the flags need no lock.
    /// </summary>
    private async Task ReadAsync()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }
        if (_reading)
        {
            _readAgain = true;
            return;
        }
        _reading = true;
        try
        {
            do
            {
                _readAgain = false;
                _day = await Overview.TodayAsync(_userTime, _closing.Token);
                StateHasChanged();
            }
            while (_readAgain && !_closing.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // The page closed while it read.
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
        finally
        {
            _reading = false;
        }
    }

    private async Task EndAsync(OverviewSession session)
    {
        if (!await EndSessionQuestion.AskAsync(Dialogs, SessionsText, session.Title))
        {
            return;
        }
        var ended = await Sessions.EndAsync(_actor, session.Id, CancellationToken.None);
        _error = ended.Error?.Message;
        await ReadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _timer?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
