using Microsoft.Extensions.Localization;

namespace Sessions.Web.Features.Video.Components;

/// <summary>
/// What the video SDK reported failing, as <c>video-room.js</c> answers it: <see cref="What"/> failed (join, microphone,
/// camera, microphone-send, camera-send, receive, renew, disconnected, start), the SDK's <see cref="Code"/>, its
/// <see cref="Detail"/> (English, technical: for the log only) and the participant's <see cref="Name"/> it concerns.
/// </summary>
public sealed record VideoProblem(string What, string? Code, string? Detail = null, string? Name = null);

/// <summary>
/// A video problem in words for a student or a teacher, in their language: what failed, then what to do about it; the SDK's
/// own message stays in the log. Texts are <see cref="VideoText"/> <c>Problem.*</c> and <c>Reason.*</c>.
/// </summary>
public static class VideoProblems
{
    /// <param name="forTeacher">
    /// A teacher is not told to tell their teacher: the reasons that end with whom to ask have a <c>.Teacher</c> variant.
    /// </param>
    public static string Describe(this IStringLocalizer<VideoText> text, VideoProblem problem, bool forTeacher)
    {
        var reasonKey = ReasonOf(problem.Code);
        var reason = text[forTeacher && ReasonsWithTeacherVariant.Contains(reasonKey) ? reasonKey + ".Teacher" : reasonKey].Value;
        return problem.Code == StudentMediaOff ? reason : $"{text[$"Problem.{problem.What}", problem.Name ?? ""].Value} {reason}";
    }

    private static readonly HashSet<string> ReasonsWithTeacherVariant = ["Reason.Network", "Reason.EnterAgain", "Reason.Other"];

    /// <summary>The media of a student in a session that lets students only watch: the reason says it all.</summary>
    private const string StudentMediaOff = "STUDENT_MEDIA_OFF";

    /// <summary>The Agora Web SDK's error codes and disconnection reasons, by what a user can do about them.</summary>
    private static string ReasonOf(string? code) => code switch
    {
        StudentMediaOff => "Reason.StudentMediaOff",
        "PERMISSION_DENIED" => "Reason.Permission",
        "NOT_READABLE" => "Reason.DeviceBusy",
        "DEVICE_NOT_FOUND" => "Reason.NoDevice",
        "CAN_NOT_GET_GATEWAY_SERVER" or "NETWORK_ERROR" or "NETWORK_TIMEOUT" or "NETWORK_RESPONSE_ERROR" or "WS_ABORT" or "WS_DISCONNECT"
            or "JOIN_TIMEOUT" or "KEEP_ALIVE_TIMEOUT" or "SERVER_ERROR" => "Reason.Network",
        "INVALID_PARAMS" or "TOKEN_EXPIRE" or "INVALID_OPERATION" or "UID_BANNED" or "CHANNEL_BANNED" or "IP_BANNED" => "Reason.EnterAgain",
        "NOT_SUPPORTED" => "Reason.Browser",
        "WEB_SECURITY_RESTRICT" => "Reason.NotSecure",
        _ => "Reason.Other",
    };
}
