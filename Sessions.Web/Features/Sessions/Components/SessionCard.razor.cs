using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Sessions.Components;

/// <summary>
/// One session on the educator's dashboard. A TimeProvider timer re-evaluates its state every second, so the Start
/// button counts down and enables itself when the window opens, and a wrap-up counts down to its end, with no reload.
/// </summary>
public sealed partial class SessionCard : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private SessionSummary _session = default!;
    private SessionCardState _state;
    private string? _error;
    private bool _busy;
    private ITimer? _timer;
    private MudButton? _enterRoom;
    private bool _gaveFocus;
    private MudButton? _attendance;
    private bool _gaveAttendanceFocus;

    [Inject] private SessionService Sessions { get; set; } = default!;
    [Inject] private SessionBookings Bookings { get; set; } = default!;
    [Inject] private SessionSeries Series { get; set; } = default!;
    [Inject] private SessionQueries Queries { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;

    [Parameter, EditorRequired] public SessionSummary Session { get; set; } = default!;
    [Parameter, EditorRequired] public SessionActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;

    /// <summary>The live session of this session's owner, if any: Start stays disabled, saying why, while it runs.</summary>
    [Parameter] public Guid? OwnersLiveSessionId { get; set; }

    /// <summary>Raised when this card started its session.</summary>
    [Parameter] public EventCallback<Guid> Started { get; set; }

    /// <summary>
    /// The session was just started from the keyboard or the mouse on this page: its Start button is gone, so focus goes to
    /// Enter room rather than to the page's body (also when the started card moves to "Live now", a new instance).
    /// </summary>
    [Parameter] public bool FocusEnterRoom { get; set; }

    /// <summary>Raised when this card ended its session.</summary>
    [Parameter] public EventCallback<Guid> Ended { get; set; }

    /// <summary>The session was just ended on this page: its End button is gone, so focus goes to the card's Attendance.</summary>
    [Parameter] public bool FocusAttendance { get; set; }

    private string LocalStart => Format.DayAndTime(UserTime.ToLocal(_session.ScheduledStartUtc));

    /// <summary>Editing and cancelling stay with the session's owner and admins; a co-educator's card only starts and ends it.</summary>
    private bool CanBook => Actor.CanActFor(_session.EducatorId);

    /// <summary>Over without having taken place: the card steps back.</summary>
    private bool IsClosed => _state.Phase is SessionCardPhase.Cancelled or SessionCardPhase.Missed;

    /// <summary>Why Start is disabled although it is session time: the start would refuse it, for the same reason.</summary>
    private string? StartBlockedText => SessionService.StartBlocker(_session, OwnersLiveSessionId) switch
    {
        null => null,
        var refusal when refusal == SessionErrors.NoStudentsEnrolled => T["Card.NoStudents"].Value,
        _ => T["Card.OtherSessionLive"].Value,
    };

    private string StatusText => _state.Phase switch
    {
        SessionCardPhase.Live => T["Status.Live"],
        SessionCardPhase.WrappingUp => T["Status.WrappingUp"],
        SessionCardPhase.Ended => T["Status.Ended"],
        SessionCardPhase.Cancelled => T["Status.Cancelled"],
        SessionCardPhase.Missed => T["Status.Missed"],
        SessionCardPhase.Startable => T["Status.Ready"],
        _ => T["Status.Scheduled"],
    };

    private Color StatusColor => _state.Phase switch
    {
        SessionCardPhase.Live => Color.Success,
        SessionCardPhase.WrappingUp => Color.Warning,
        SessionCardPhase.Startable => Color.Primary,
        SessionCardPhase.Cancelled => Color.Error,
        _ => Color.Default,
    };

    protected override void OnParametersSet()
    {
        _session = Session;
        Refresh();
    }

    protected override void OnInitialized() =>
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(() => { Refresh(); StateHasChanged(); }), null, Tick, Tick);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (FocusEnterRoom && !_gaveFocus && _enterRoom is not null)
        {
            _gaveFocus = true;
            await _enterRoom.FocusAsync();
        }
        if (FocusAttendance && !_gaveAttendanceFocus && _attendance is not null)
        {
            _gaveAttendanceFocus = true;
            await _attendance.FocusAsync();
        }
    }

    private void Refresh() => _state = SessionCardState.At(_session, Sessions.WindowOf(_session), Time.GetUtcNow().UtcDateTime);

    private async Task StartAsync()
    {
        if (await RunAsync(() => Sessions.StartAsync(Actor, _session.Id, CancellationToken.None), started => started.Session))
        {
            await Started.InvokeAsync(_session.Id);
        }
    }

    private async Task EndAsync()
    {
        if (await EndSessionQuestion.AskAsync(Dialogs, T, _session.Title))
        {
            if (await RunAsync(() => Sessions.EndAsync(Actor, _session.Id, CancellationToken.None), ended => ended.Session))
            {
                await Ended.InvokeAsync(_session.Id);
            }
        }
    }

    private void OnExtended(SessionSummary extended)
    {
        _session = extended;
        Refresh();
    }

    private async Task EditAsync()
    {
        _error = null;
        if (await SessionDialog.EditAsync(Dialogs, _session, Actor, UserTime) is { } saved)
        {
            _session = saved;
            Refresh();
        }
    }

    private async Task CancelSessionAsync()
    {
        var choice = await CancelSessionDialog.AskAsync(Dialogs, _session.Title, LocalStart, inSeries: _session.SeriesId is not null);
        if (choice is { Following: true } && _session.SeriesId is { } seriesId)
        {
            await RunAsync(() => CancelFollowingAsync(seriesId, choice.Reason), cancelled => cancelled);
        }
        else if (choice is not null)
        {
            await RunAsync(() => Bookings.CancelAsync(Actor, _session.Id, choice.Reason, CancellationToken.None), cancelled => cancelled);
        }
    }

    /// <summary>Cancels this session and the series' following ones; answers this one as it is now.</summary>
    private async Task<Result<SessionSummary>> CancelFollowingAsync(Guid seriesId, string reason)
    {
        var cancelled = await Series.CancelAsync(Actor, seriesId, _session.Id, reason, CancellationToken.None);
        return cancelled.Error is { } refused ? refused : await Queries.GetAsync(Actor, _session.Id, CancellationToken.None);
    }

    /// <summary>Runs one lifecycle call: the card shows the refusal, or the session as the service left it. True when it succeeded.</summary>
    private async Task<bool> RunAsync<T>(Func<Task<Result<T>>> call, Func<T, SessionSummary> sessionOf)
    {
        _busy = true;
        _error = null;
        try
        {
            var result = await call();
            if (result.Error is { } error)
            {
                _error = Errors.Detail(error);
                return false;
            }
            _session = sessionOf(result.Value!);
            Refresh();
            return true;
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
