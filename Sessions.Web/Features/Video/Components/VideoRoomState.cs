using System.Globalization;
using Sessions.Web.Features.Live;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video.AccessTokens;

namespace Sessions.Web.Features.Video.Components;

public enum RoomPhase
{
    /// <summary>The session has not started: students wait here and enter when it starts.</summary>
    Waiting,
    /// <summary>In the room (attendance open); the video connection is being made.</summary>
    Connecting,
    Connected,
    /// <summary>In the room, but the video could not connect: the banner says why and offers a retry.</summary>
    Failed,
    /// <summary>A student found the session's maximum of students in the room: nothing joined, a retry is offered.</summary>
    Full,
    /// <summary>The session ended (or was cancelled): the room is closed for everyone.</summary>
    Ended,
}

/// <summary>
/// What the room page shows: its phase, the video's problems, the local devices and who is in the room. The page
/// applies service answers, live events and the JS callbacks to it, and renders it.
/// </summary>
public sealed class VideoRoomState
{
    private readonly Dictionary<string, RoomParticipant> _participants = [];
    private readonly HashSet<uint> _inVideo = [];

    private VideoRoomState(SessionSummary session) => Session = session;

    public SessionSummary Session { get; private set; }
    public RoomPhase Phase { get; private set; }
    public bool IsHost { get; private set; }

    /// <summary>
    /// Whether the caller may send camera and microphone: false for a student of a session that turned student media
    /// off (their token only lets them watch and listen).
    /// </summary>
    public bool MayPublish { get; private set; } = true;

    /// <summary>Why a student was not let in (<see cref="RoomPhase.Full"/>).</summary>
    public string? FullMessage { get; private set; }

    /// <summary>Set once the booked time is over: the session ends then, unless the educator ends it sooner.</summary>
    public DateTime? WrapUpEndsUtc => Session.Status == SessionStatus.EndRequestPending ? Session.WrapUpEndsUtc : null;

    /// <summary>Why the video failed (the banner); null unless <see cref="RoomPhase.Failed"/>.</summary>
    public string? VideoError { get; private set; }

    /// <summary>
    /// What the SDK reported for the failure in <see cref="VideoError"/>, for the banner's Details (codes and the SDK's
    /// own English words help whoever supports the school, not the student).
    /// </summary>
    public IReadOnlyList<VideoProblem> FailureDetails { get; private set; } = [];

    /// <summary>A problem that leaves the room usable, e.g. the camera was refused: the student can still watch.</summary>
    public string? Notice { get; private set; }

    /// <summary>
    /// The latest change a screen reader should hear without moving focus (someone joined or left, the wrap-up began,
    /// the session ended): the room's visually hidden live region says it in the reader's language.
    /// </summary>
    public RoomAnnouncement? Announcement { get; private set; }

    /// <summary>The Agora Web SDK's version, once it has loaded.</summary>
    public string? SdkVersion { get; set; }

    /// <summary>The video connection is being re-established by the SDK.</summary>
    public bool Reconnecting { get; private set; }

    /// <summary>Whether the chat panel is shown beside the video; the reader opens and closes it.</summary>
    public bool ChatOpen { get; private set; } = true;

    /// <summary>Messages from others that arrived while the chat panel was closed (the toggle's badge).</summary>
    public int ChatUnread { get; private set; }

    public bool MicrophoneOn { get; private set; }
    public bool CameraOn { get; private set; }

    /// <summary>The SDK's code of the last refusal of each device (permission, no device, in use); gone once it is on.</summary>
    private readonly Dictionary<string, string> _deviceRefusals = [];

    public IEnumerable<RoomParticipant> Participants => _participants.Values.OrderBy(p => p.JoinedUtc);

    public bool IsInVideo(RoomParticipant participant) => _inVideo.Contains(participant.RtcUid);

    /// <summary>Video tiles are labelled by RTC uid; JSON object keys are strings.</summary>
    public Dictionary<string, string> NamesByUid => _participants.Values
        .ToDictionary(p => p.RtcUid.ToString(CultureInfo.InvariantCulture), p => p.DisplayName);

    public bool InRoom => Phase is RoomPhase.Connecting or RoomPhase.Connected or RoomPhase.Failed;

    /// <summary>The room as the session's status leaves it: live sessions are entered, the others wait or are over.</summary>
    public static VideoRoomState For(SessionSummary session, bool isHost)
    {
        var state = new VideoRoomState(session) { IsHost = isHost };
        state.Refresh(session);
        return state;
    }

    /// <summary>A fresh read of the session: it may have started or ended meanwhile.</summary>
    public void Refresh(SessionSummary session)
    {
        Session = session;
        if (session.Status.IsLive())
        {
            if (Phase == RoomPhase.Waiting)
            {
                Phase = RoomPhase.Connecting;
            }
        }
        else if (session.Status is SessionStatus.Completed or SessionStatus.Cancelled)
        {
            End();
        }
        else
        {
            Phase = RoomPhase.Waiting;
        }
    }

    public void Entered(RoomEntry entry)
    {
        Session = entry.Session;
        IsHost = entry.IsHost;
        MayPublish = entry.Tokens.Role == AgoraRole.Publisher;
        FullMessage = null;
        Connecting();
    }

    public void Full(string message)
    {
        Phase = RoomPhase.Full;
        FullMessage = message;
    }

    /// <summary>The booked time ran out: everyone sees the countdown to <paramref name="endsUtc"/>.</summary>
    public void WrapUp(DateTime endsUtc)
    {
        Session = Session with { Status = SessionStatus.EndRequestPending, WrapUpEndsUtc = endsUtc };
        Announcement = new(RoomAnnouncementKind.WrapUp);
    }

    public void Connecting()
    {
        Phase = RoomPhase.Connecting;
        VideoError = null;
        FailureDetails = [];
        _deviceRefusals.Clear();
        Reconnecting = false;
    }

    /// <param name="problems">What failed on the way (a device refused): each device's refusal is kept for its state.</param>
    public void Connected(bool microphoneOn, bool cameraOn, string? notice, IReadOnlyList<VideoProblem> problems)
    {
        if (Phase != RoomPhase.Connecting)
        {
            return;
        }
        Phase = RoomPhase.Connected;
        MicrophoneOn = microphoneOn;
        CameraOn = cameraOn;
        Notice = notice;
        foreach (var problem in problems)
        {
            RecordRefusal(problem.What, problem.Code);
        }
    }

    /// <param name="details">What the SDK reported, for the banner's Details.</param>
    public void Failed(string message, IReadOnlyList<VideoProblem> details)
    {
        if (!InRoom)
        {
            return;
        }
        Phase = RoomPhase.Failed;
        VideoError = message;
        FailureDetails = details;
        Reconnecting = false;
        MicrophoneOn = CameraOn = false;
        _inVideo.Clear();
    }

    /// <summary>The SDK's connection states (CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING, DISCONNECTED) once joined.</summary>
    /// <param name="lostMessage">What the user reads if the connection is lost (<c>DISCONNECTED</c>).</param>
    /// <param name="lost">What the SDK said, for the banner's Details.</param>
    public void ConnectionChanged(string state, string lostMessage, VideoProblem lost)
    {
        if (Phase != RoomPhase.Connected)
        {
            return; // while joining, the join's own answer decides
        }
        Reconnecting = state == "RECONNECTING";
        if (state == "DISCONNECTED")
        {
            Failed(lostMessage, [lost]);
        }
    }

    /// <param name="refusal">Why the device did not turn on (the SDK's answer), if it did not.</param>
    /// <param name="error">The refusal in the user's words, for the notice.</param>
    public void DeviceChanged(string device, bool on, VideoProblem? refusal, string? error)
    {
        if (device == Devices.Microphone)
        {
            MicrophoneOn = on;
        }
        else
        {
            CameraOn = on;
        }
        _deviceRefusals.Remove(device);
        if (refusal is not null)
        {
            RecordRefusal(device, refusal.Code);
        }
        Notice = error;
    }

    /// <summary>What the reader can do with a device now, and why not; the page says it next to the device's button.</summary>
    public DeviceState StateOf(string device)
    {
        if (Phase == RoomPhase.Connecting)
        {
            return DeviceState.WaitingForVideo;
        }
        if (Phase != RoomPhase.Connected)
        {
            return DeviceState.NoVideo;
        }
        if (device == Devices.Microphone ? MicrophoneOn : CameraOn)
        {
            return DeviceState.On;
        }
        return _deviceRefusals.GetValueOrDefault(device) switch
        {
            "PERMISSION_DENIED" => DeviceState.Blocked,
            "DEVICE_NOT_FOUND" => DeviceState.NotFound,
            "NOT_READABLE" => DeviceState.InUse,
            _ => DeviceState.Off,
        };
    }

    /// <summary>Only a device's own refusal counts (not one while sending it, <c>camera-send</c>): the device itself is fine then.</summary>
    private void RecordRefusal(string what, string? code)
    {
        if (what is Devices.Microphone or Devices.Camera && code is not null)
        {
            _deviceRefusals[what] = code;
        }
    }

    public void Warn(string message) => Notice = message;

    public void DismissNotice() => Notice = null;

    public void End()
    {
        Announcement = new(Session.Status == SessionStatus.Cancelled ? RoomAnnouncementKind.Cancelled : RoomAnnouncementKind.Ended);
        Phase = RoomPhase.Ended;
        VideoError = null;
        FailureDetails = [];
        Notice = null;
        Reconnecting = false;
        MicrophoneOn = CameraOn = false;
        _participants.Clear();
        _inVideo.Clear();
    }

    public void SetParticipants(IEnumerable<RoomParticipant> participants)
    {
        foreach (var participant in participants)
        {
            _participants.TryAdd(participant.UserId, participant);
        }
    }

    /// <summary>Applies a live event about this session; answers whether the participant list changed.</summary>
    public bool Apply(LiveEvent liveEvent)
    {
        switch (liveEvent)
        {
            case ParticipantJoinedMessage joined when Phase != RoomPhase.Ended:
                if (!_participants.ContainsKey(joined.UserId))
                {
                    Announcement = new(RoomAnnouncementKind.Joined, joined.DisplayName);
                }
                _participants[joined.UserId] = new RoomParticipant(joined.UserId, joined.DisplayName, joined.RtcUid,
                    joined.JoinedAt.UtcDateTime, joined.UserId == Session.EducatorId);
                return true;
            case ParticipantLeftMessage left:
                if (!_participants.Remove(left.UserId, out var gone))
                {
                    return false;
                }
                Announcement = new(RoomAnnouncementKind.Left, gone.DisplayName);
                return true;
            default:
                return false;
        }
    }

    /// <summary>On a phone the chat is a drawer over the video, so the room opens on the video with the drawer closed.</summary>
    public void FoldChatAway() => ChatOpen = false;

    public void ToggleChat()
    {
        ChatOpen = !ChatOpen;
        if (ChatOpen)
        {
            ChatUnread = 0;
        }
    }

    /// <summary>
    /// A chat event of this session. While the panel is open the message is on screen, and reading each one aloud would
    /// drown the room; while it is closed, a message from someone else counts as unread and its sender is announced.
    /// </summary>
    public void ChatEvent(LiveEvent liveEvent, string readerId)
    {
        if (ChatOpen || liveEvent is not ChatMessagePostedMessage { Message.Sender: var sender } || sender.Id == readerId)
        {
            return;
        }
        ChatUnread++;
        Announcement = new(RoomAnnouncementKind.ChatMessage, sender.DisplayName);
    }

    public void UserJoinedVideo(uint uid) => _inVideo.Add(uid);

    public void UserLeftVideo(uint uid) => _inVideo.Remove(uid);

    public static class Devices
    {
        public const string Microphone = "microphone";
        public const string Camera = "camera";
    }
}

/// <summary>A microphone's or camera's state as the room explains it (<c>Device.{device}.{state}</c> in <see cref="VideoText"/>).</summary>
public enum DeviceState
{
    On,
    /// <summary>Off (the microphone muted) by the reader's choice.</summary>
    Off,
    /// <summary>The browser refused the device: it is allowed in the browser's site settings.</summary>
    Blocked,
    NotFound,
    /// <summary>Another app holds it.</summary>
    InUse,
    /// <summary>The video is still connecting; the devices follow.</summary>
    WaitingForVideo,
    /// <summary>The video failed: no device can be used until it connects.</summary>
    NoVideo,
}
