using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>
/// One session on the educator's dashboard. A TimeProvider timer re-evaluates its state every second, so the Start
/// button counts down and enables itself when the window opens, with no reload.
/// </summary>
public sealed partial class SessionCard : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private SessionSummary _session = default!;
    private SessionCardState _state;
    private string? _error;
    private bool _busy;
    private ITimer? _timer;

    [Inject] private SessionService Sessions { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public SessionSummary Session { get; set; } = default!;
    [Parameter, EditorRequired] public SessionActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;

    private string LocalStart => UserTime.ToLocal(_session.ScheduledStartUtc).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private string StatusText => _state.Phase switch
    {
        SessionCardPhase.Live => "Live",
        SessionCardPhase.Ended => "Ended",
        SessionCardPhase.Cancelled => "Cancelled",
        SessionCardPhase.Missed => "Missed",
        SessionCardPhase.Startable => "Ready",
        _ => "Scheduled",
    };

    private Color StatusColor => _state.Phase switch
    {
        SessionCardPhase.Live => Color.Success,
        SessionCardPhase.Startable => Color.Primary,
        SessionCardPhase.Missed or SessionCardPhase.Cancelled => Color.Warning,
        _ => Color.Default,
    };

    protected override void OnParametersSet()
    {
        _session = Session;
        Refresh();
    }

    protected override void OnInitialized() =>
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(() => { Refresh(); StateHasChanged(); }), null, Tick, Tick);

    private void Refresh() => _state = SessionCardState.At(_session, Sessions.WindowOf(_session), Time.GetUtcNow().UtcDateTime);

    private Task StartAsync() =>
        RunAsync(() => Sessions.StartAsync(Actor, _session.Id, CancellationToken.None), started => started.Session);

    private async Task EndAsync()
    {
        var confirmed = await ConfirmDialog.AskAsync(Dialogs, "End this session?",
            $"\"{_session.Title}\" will end for everyone in the room.", "End session", "Keep going", TestIds.ConfirmEnd);
        if (confirmed)
        {
            await RunAsync(() => Sessions.EndAsync(Actor, _session.Id, CancellationToken.None), ended => ended.Session);
        }
    }

    /// <summary>Runs one lifecycle call: the card shows the refusal, or the session as the service left it.</summary>
    private async Task RunAsync<T>(Func<Task<Result<T>>> call, Func<T, SessionSummary> sessionOf)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await call();
            if (result.Error is { } error)
            {
                _error = error.Message;
                return;
            }
            _session = sessionOf(result.Value!);
            Refresh();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
