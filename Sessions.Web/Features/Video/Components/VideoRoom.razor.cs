using Sessions.Web.Features.Activity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Sessions.Components;
using Sessions.Web.Features.Video.AccessTokens;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Video.Components;

/// <summary>
/// The live room of a session: who is in it (attendance, live), the elapsed time, and the Agora video through
/// <c>wwwroot/js/video-room.js</c>. The video may fail (no internet, a wrong App ID) without taking the rest down.
/// Nothing is joined while prerendering: the room is entered from the first interactive render.
/// </summary>
public sealed partial class VideoRoom : IAsyncDisposable
{
    /// <summary>
    /// The room's ES module, imported by its fingerprinted name (<c>Assets</c>) so it can be cached for good; an import map
    /// would do the same but is an inline script, which the Content-Security-Policy refuses.
    /// </summary>
    public const string ModuleAsset = "js/video-room.js";

    /// <summary>The room's address, for the links that lead into it (join card, session card).</summary>
    public static string PathFor(Guid sessionId) => $"/sessions/{sessionId}/room";
    public const string SdkBundlePath = "lib/agora-rtc-sdk-ng/AgoraRTC_N-production.js";

    /// <summary>The SDK retries an unreachable service for ever; after this long the room says so and offers a retry.</summary>
    public static readonly TimeSpan VideoJoinTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private VideoRoomState? _state;
    /// <summary>The issues students reported while this page was open (hosts only): heard live, not read back.</summary>
    private readonly List<ActivityEntryDto> _issues = [];
    private ServiceError? _refusal;
    private SessionActor _actor = default!;
    private UserTime _userTime = default!;
    private IDisposable? _subscription;
    private ITimer? _timer;
    private ElementReference _grid;
    private Chat.Components.ChatPanel? _chat;
    private IJSObjectReference? _module;
    private IJSObjectReference? _room;
    private DotNetObjectReference<VideoRoom>? _dotNet;
    private bool _attending;
    private bool _busy;
    private bool _disposed;

    [Parameter] public Guid SessionId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private SessionQueries Queries { get; set; } = default!;
    [Inject] private SessionService Sessions { get; set; } = default!;
    [Inject] private RoomService Rooms { get; set; } = default!;
    [Inject] private ActivityLog Activity { get; set; } = default!;
    [Inject] private LiveSubscriptions Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<SessionsText> SessionsText { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<VideoRoom> Logger { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;
    [Inject] private ClassMembership Membership { get; set; } = default!;

    private bool CanUseDevices => _state is { Phase: RoomPhase.Connected } && !_busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = SessionActor.From(user);
        _userTime = UserTime.For(user);
        var result = await Queries.GetAsync(_actor, SessionId, CancellationToken.None);
        if (result.Error is { } error)
        {
            _refusal = error;
            return;
        }
        var session = result.Value!;
        _state = VideoRoomState.For(session, await Membership.TeachesAsync(_actor, session, CancellationToken.None));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The first render that has the session: loading may finish after the very first render.
        if (_subscription is not null || _state is null)
        {
            return;
        }
        // Membership was checked above; only members listen to the class's events, and only hosts to the issues reported
        // to the session's educator (sent to their group alone, never the class's).
        string[] groups = _state.IsHost
            ? [LiveGroups.ForClass(_state.Session.ClassId), LiveGroups.ForEducator(_state.Session.EducatorId)]
            : [LiveGroups.ForClass(_state.Session.ClassId)];
        _subscription = Live.Subscribe(_actor.UserId, groups,
            e => _ = InvokeAsync(() => OnLiveEventAsync(e)),
            removedFrom => _ = InvokeAsync(() => RefuseAsync(SessionErrors.NotMember)));
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, Tick, Tick);
        _state.SetParticipants(await Rooms.ParticipantsAsync(SessionId, CancellationToken.None));
        if (_state.Phase == RoomPhase.Connecting)
        {
            await EnterAsync();
        }
        StateHasChanged();
    }

    /// <summary>Opens the caller's attendance and connects the video with the tokens it answers.</summary>
    private async Task EnterAsync()
    {
        var result = await Rooms.JoinAsync(_actor, SessionId, CancellationToken.None);
        if (_disposed)
        {
            // The page closed while joining: the stay that just opened ends at once.
            if (result.Error is null)
            {
                await Rooms.LeaveAsync(_actor, SessionId, CancellationToken.None);
            }
            return;
        }
        if (result.Error is { } error)
        {
            await RefuseAsync(error);
            return;
        }
        _attending = true;
        var entry = result.Value!;
        _state!.Entered(entry);
        StateHasChanged();
        await ConnectVideoAsync(entry.Tokens);
    }

    /// <summary>
    /// Not live (any more): the session's status says whether to wait or close. A full room offers a retry; other
    /// refusals replace the room.
    /// </summary>
    private async Task RefuseAsync(ServiceError error)
    {
        if (error.Code == RoomErrors.FullCode)
        {
            _state!.Full(Errors.Detail(error));
        }
        else if (error.Code == RoomErrors.NotLive.Code && (await Queries.GetAsync(_actor, SessionId, CancellationToken.None)).Value is { } session)
        {
            _state!.Refresh(session);
        }
        else
        {
            _refusal = error;
        }
        if (_state!.Phase is RoomPhase.Ended or RoomPhase.Full || _refusal is not null)
        {
            await CloseAsync(); // a retry can find the session over: the failed attempt's client goes too
        }
    }

    private async Task ConnectVideoAsync(RoomTokens tokens)
    {
        var state = _state!;
        state.Connecting();
        try
        {
            if (_module is null)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets[ModuleAsset]);
                if (await _module.InvokeAsync<bool>("isPhoneWidth"))
                {
                    state.FoldChatAway();
                }
            }
            state.SdkVersion = await _module.InvokeAsync<string>("loadSdk", Assets[SdkBundlePath]);
            if (_disposed)
            {
                return;
            }
            StateHasChanged();
            await LeaveVideoAsync(); // an earlier attempt that failed
            _dotNet ??= DotNetObjectReference.Create(this);
            _room = await _module.InvokeAsync<IJSObjectReference>("createRoom", _dotNet, _grid, tokens.Role == AgoraRole.Publisher);
            if (_disposed)
            {
                return; // never joined; the page and its module are gone
            }
            var outcome = await _module.InvokeAsync<JoinOutcome>("join", _room, tokens.AppId, tokens.ChannelName, tokens.RtcToken,
                tokens.RtcUid, state.NamesByUid, state.IsHost, (int)VideoJoinTimeout.TotalMilliseconds);
            var problems = outcome.Problems ?? [];
            foreach (var problem in problems)
            {
                VideoRoomLog.VideoFailed(Logger, SessionId, $"{problem.What} {problem.Code}: {problem.Detail}");
            }
            if (outcome.Joined)
            {
                state.Connected(outcome.Microphone, outcome.Camera, problems.Count == 0 ? null : DescribeAll(problems), problems);
                VideoRoomLog.Connected(Logger, SessionId, tokens.RtcUid);
            }
            else if (problems.Count > 0)
            {
                state.Failed(DescribeAll(problems), problems);
            }
        }
        catch (JSException exception)
        {
            var problem = new VideoProblem("start", null, exception.Message);
            state.Failed(Describe(problem), [problem]);
            VideoRoomLog.VideoFailed(Logger, SessionId, exception.Message);
        }
        catch (TaskCanceledException) when (!_disposed)
        {
            state.Failed(T["Room.StartTimeout"], [new VideoProblem("start", "INTEROP_TIMEOUT", "video-room.js did not answer in time")]);
            VideoRoomLog.VideoFailed(Logger, SessionId, "interop timeout");
        }
        catch (JSDisconnectedException)
        {
            // The tab closed or the circuit was lost while connecting; disposal closes the attendance.
        }
    }

    /// <summary>
    /// Tried again, after a full room (someone may have left meanwhile) or a video join that failed: the whole way in anew,
    /// so the attendance, the tokens and the session's current settings are as on a first entry.
    /// </summary>
    private async Task RetryAsync()
    {
        _busy = true;
        try
        {
            await EnterAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task ToggleMicrophoneAsync() => SetDeviceAsync(VideoRoomState.Devices.Microphone, !_state!.MicrophoneOn);

    private Task ToggleCameraAsync() => SetDeviceAsync(VideoRoomState.Devices.Camera, !_state!.CameraOn);

    private async Task SetDeviceAsync(string device, bool on)
    {
        if (_module is null || _room is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var microphone = device == VideoRoomState.Devices.Microphone;
            var wasOn = microphone ? _state!.MicrophoneOn : _state!.CameraOn;
            var outcome = await _module.InvokeAsync<DeviceOutcome>(microphone ? "setMicrophone" : "setCamera", _room, on);
            if (outcome.Problem is { } problem)
            {
                VideoRoomLog.VideoFailed(Logger, SessionId, $"{problem.What} {problem.Code}: {problem.Detail}");
            }
            _state!.DeviceChanged(device, outcome.On, outcome.Problem, outcome.Problem is { } refused ? Describe(refused) : null);
            if (outcome.On != wasOn)
            {
                // On the session's log as the room saw it; a session that ended meanwhile refuses it, which changes nothing here.
                await Activity.ReportMediaAsync(_actor, SessionId,
                    microphone ? new MediaReportRequest(null, outcome.On) : new MediaReportRequest(outcome.On, null), CancellationToken.None);
            }
        }
        catch (JSException exception)
        {
            _state!.Warn(Describe(new VideoProblem(device, null)));
            VideoRoomLog.VideoFailed(Logger, SessionId, $"{device}: {exception.Message}");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task LeaveAsync()
    {
        await CloseAsync();
        // Back where the session was joined from: its class page (members and those who teach the class may read it), loaded
        // afresh so that its join card and live subscription start from what is stored now.
        Navigation.NavigateTo($"/classes/{_state!.Session.ClassId}", forceLoad: true);
    }

    private async Task EndSessionAsync()
    {
        var state = _state!;
        if (!await EndSessionQuestion.AskAsync(Dialogs, SessionsText, state.Session.Title))
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Sessions.EndAsync(_actor, SessionId, CancellationToken.None);
            if (result.Error is { } error)
            {
                state.Warn(Errors.Detail(error));
                return;
            }
            state.Refresh(result.Value!.Session);
            await CloseAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task OnLiveEventAsync(LiveEvent liveEvent)
    {
        if (liveEvent.SessionId != SessionId || _state is null || _disposed)
        {
            return;
        }
        try
        {
            switch (liveEvent)
            {
                case SessionStartedMessage when _state.Phase == RoomPhase.Waiting:
                    if ((await Queries.GetAsync(_actor, SessionId, CancellationToken.None)).Value is { } started)
                    {
                        _state.Refresh(started);
                    }
                    if (_state.Phase == RoomPhase.Connecting)
                    {
                        StateHasChanged(); // "connecting" while the attendance opens
                        await EnterAsync();
                    }
                    break;
                case SessionExtendedMessage:
                    // Read back: the new booked end, and a wrap-up that stopped.
                    if ((await Queries.GetAsync(_actor, SessionId, CancellationToken.None)).Value is { } extended)
                    {
                        _state.Refresh(extended);
                    }
                    break;
                case SessionWrapUpMessage wrapUp:
                    _state.WrapUp(wrapUp.EndsAt.UtcDateTime);
                    break;
                case SessionEndedMessage:
                    // Read back, so the closed room knows how it ended (completed: its chat and attendance can be read).
                    if ((await Queries.GetAsync(_actor, SessionId, CancellationToken.None)).Value is { } ended)
                    {
                        _state.Refresh(ended);
                    }
                    _state.End();
                    await CloseAsync();
                    break;
                case ChatMessagePostedMessage or ChatMessageDeletedMessage:
                    _chat?.Receive(liveEvent);
                    _state.ChatEvent(liveEvent, _actor.UserId);
                    break;
                case ActivityLoggedMessage logged:
                    if (_state.IsHost && logged.Entry.Kind == ActivityKinds.Issue)
                    {
                        _issues.Add(logged.Entry);
                    }
                    break;
                default:
                    if (_state.Apply(liveEvent))
                    {
                        await PushNamesAsync();
                    }
                    break;
            }
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    /// <summary>Video tiles show names by uid; the list changes as people come and go.</summary>
    private async Task PushNamesAsync()
    {
        if (_module is null || _room is null)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("setNames", _room, _state!.NamesByUid);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; disposal follows.
        }
    }

    [JSInvokable]
    public Task OnUserJoined(uint uid) => InvokeAsync(() =>
    {
        _state?.UserJoinedVideo(uid);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnUserLeft(uint uid, string? reason) => InvokeAsync(() =>
    {
        _state?.UserLeftVideo(uid);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnConnectionStateChanged(string state, string? reason) => InvokeAsync(() =>
    {
        var lost = new VideoProblem("disconnected", reason);
        _state?.ConnectionChanged(state, Describe(lost), lost);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnError(VideoProblem problem) => InvokeAsync(() =>
    {
        VideoRoomLog.VideoFailed(Logger, SessionId, $"{problem.What} {problem.Code}: {problem.Detail}");
        _state?.Warn(Describe(problem));
        StateHasChanged();
    });

    /// <summary>The RTC token is about to expire: a fresh one while the caller may still be in the room, else null.</summary>
    [JSInvokable]
    public async Task<string?> OnTokenWillExpire()
    {
        var result = await Rooms.RenewTokensAsync(_actor, SessionId, CancellationToken.None);
        if (result.Error is { } error)
        {
            await InvokeAsync(() =>
            {
                _state?.Warn(T["Room.TokenFailed", Errors.Detail(error)]);
                StateHasChanged();
            });
            return null;
        }
        return result.Value!.RtcToken;
    }

    private string LocalTime(DateTime utc) => Format.Time(_userTime.ToLocal(utc));

    private string? AnnouncementText =>
        _state?.Announcement is { } announcement ? T[$"Room.Announce.{announcement.Kind}", announcement.Who].Value : null;

    private string ChatToggleLabel => !_state!.ChatOpen && _state.ChatUnread > 0
        ? ChatT["Panel.ToggleUnread", Format.Number(_state.ChatUnread)]
        : ChatT["Panel.Toggle"];

    private static string IssueText(ActivityEntryDto issue) =>
        issue.Details is { } data && data.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    /// <summary>A problem in the reader's words: a teacher is told what to do as the one who runs the session.</summary>
    private string Describe(VideoProblem problem) => T.Describe(problem, _state?.IsHost == true);

    private string DescribeAll(IEnumerable<VideoProblem> problems) => string.Join(" ", problems.Select(Describe));

    /// <summary>Said next to a device's button (its accessible description): whether it is on and, if it cannot be used, why.</summary>
    private string DeviceStateText(string device) => T[$"Device.{device}.{_state!.StateOf(device)}"];

    private static string DeviceStateId(string device) => $"room-{device}-state";

    private string MicrophoneLabel => _state!.MicrophoneOn ? T["Room.Mute"] : T["Room.Unmute"];

    private string CameraLabel => _state!.CameraOn ? T["Room.CameraOff"] : T["Room.CameraOn"];

    /// <summary>Leaves the channel (tracks stopped) and closes the caller's attendance. Safe to call twice.</summary>
    private async Task CloseAsync()
    {
        await LeaveVideoAsync();
        if (_attending)
        {
            _attending = false;
            await Rooms.LeaveAsync(_actor, SessionId, CancellationToken.None);
        }
    }

    private async Task LeaveVideoAsync()
    {
        if (_room is null)
        {
            return;
        }
        var room = _room;
        _room = null;
        try
        {
            await _module!.InvokeVoidAsync("leave", room);
            await room.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // A closed tab or a lost circuit: the browser dropped the connection with the page.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _subscription?.Dispose();
        _timer?.Dispose();
        await CloseAsync();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // As above.
            }
        }
        _dotNet?.Dispose();
    }

    /// <summary>What <c>join</c> in video-room.js answers.</summary>
    internal sealed record JoinOutcome(bool Joined, IReadOnlyList<VideoProblem>? Problems, bool Microphone, bool Camera);

    /// <summary>What <c>setMicrophone</c> and <c>setCamera</c> answer.</summary>
    internal sealed record DeviceOutcome(bool On, VideoProblem? Problem);
}

internal static partial class VideoRoomLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Video of session {SessionId} connected as uid {RtcUid}")]
    public static partial void Connected(ILogger logger, Guid sessionId, uint rtcUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video of session {SessionId} failed: {Reason}")]
    public static partial void VideoFailed(ILogger logger, Guid sessionId, string reason);
}
