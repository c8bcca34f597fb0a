using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Activity;

/// <summary>The activity log's own refusals; when it may be written is the chat's rule (<c>session_not_live</c>, <c>session_ended</c>).</summary>
public static class ActivityErrors
{
    public static readonly ServiceError NoteNotAllowed =
        new("note_not_allowed", "Only those who teach the class can write notes; students can report an issue.", StatusCodes.Status403Forbidden);
}
