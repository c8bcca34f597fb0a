using static Sessions.Web.Tests.Security.Matrix.MatrixRow;

namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// Every endpoint of the app and what each role gets from it. A new endpoint without a row here fails
/// <see cref="AuthorizationMatrixTests"/>: decide who may call it, and write it down.
/// </summary>
public static class AuthorizationMatrix
{
    private const string SignInPage = "302 /login";
    private const string ForbiddenPage = "302 /forbidden";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // Accounts
        // A new unknown email each time: five wrong passwords for one would lock the client out (429 locked_out).
        new("POST /api/auth/login", new("POST", _ => "/api/auth/login", Body: _ => new { email = $"nobody-{Guid.NewGuid():N}@test.example", password = "not-it" }),
            Everyone("401 invalid_credentials")),
        new("POST /api/auth/refresh", new("POST", _ => "/api/auth/refresh", Body: _ => new { refreshToken = "not-a-token" }),
            Everyone("401 invalid_refresh_token")),
        new("POST /api/auth/revoke", new("POST", _ => "/api/auth/revoke", Body: _ => new { refreshToken = "not-a-token" }), Everyone("204")),
        new("GET /api/me", new("GET", _ => "/api/me"), SignedIn("200")),
        // Each caller reads and sets only their own language and formats (all null here: the browser's and the language's).
        new("GET /api/me/preferences/", new("GET", _ => "/api/me/preferences"), SignedIn("200")),
        new("PUT /api/me/preferences/", new("PUT", _ => "/api/me/preferences", Body: _ => new { culture = (string?)null, clock = (string?)null, digits = (string?)null }),
            SignedIn("200")),
        // The caller's own: everyone signed in has a list, if an empty one.
        new("GET /api/me/sessions", new("GET", _ => "/api/me/sessions"), SignedIn("200")),
        new("GET /api/me/classes", new("GET", _ => "/api/me/classes"), SignedIn("200")),

        // Administration: each probe changes the scene's own classmate, so no probe changes the people of another.
        new("GET /api/admin/users", new("GET", _ => "/api/admin/users?search=classmate&role=Student&status=active"), AdminOnly("200")),
        new("GET /api/admin/users/{id}", new("GET", s => $"/api/admin/users/{s.ClassmateId}"), AdminOnly("200")),
        new("POST /api/admin/users", new("POST", _ => "/api/admin/users", Body: _ => new
            {
                email = $"new-{Guid.NewGuid():N}@test.example", displayName = "Probe", roles = new[] { "Student" }, timeZone = "Europe/Paris",
            }),
            AdminOnly("201")),
        new("PATCH /api/admin/users/{id}", new("PATCH", s => $"/api/admin/users/{s.ClassmateId}", Body: _ => new { displayName = "Renamed" }),
            AdminOnly("200")),
        new("POST /api/admin/users/{id}/deactivate", new("POST", s => $"/api/admin/users/{s.ClassmateId}/deactivate"), AdminOnly("200")),
        new("POST /api/admin/users/{id}/reactivate", new("POST", s => $"/api/admin/users/{s.ClassmateId}/reactivate"), AdminOnly("200")),
        new("POST /api/admin/users/{id}/password-link", new("POST", s => $"/api/admin/users/{s.ClassmateId}/password-link"), AdminOnly("200")),
        new("GET /api/admin/classes", new("GET", _ => "/api/admin/classes?search=class&includeArchived=true&page=1&pageSize=5"), AdminOnly("200")),
        new("GET /api/admin/audit", new("GET", _ => "/api/admin/audit?page=1&pageSize=5"), AdminOnly("200")),
        new("GET /api/admin/overview", new("GET", _ => "/api/admin/overview"), AdminOnly("200")),
        // A dry run of a one-row roster: judged, nothing written.
        new("POST /api/admin/imports", new("POST", _ => "/api/admin/imports?dryRun=true", Body: _ => new MultipartFormDataContent
            {
                { new StringContent("email,displayName,role,classCode,timeZone\nprobe@test.example,Probe,Student,,Europe/Paris\n"), "file", "roster.csv" },
            }),
            AdminOnly("200")),

        // Sessions
        // The body names the caller (an admin names the session's owner): the other educator, naming themselves, teaches not the class.
        new("POST /sessions/start", new("POST", _ => "/sessions/start",
                Body: s => new { educatorId = s.Caller == MatrixRole.Admin ? s.OwnerId : s.CallerId, sessionId = s.SessionId }, ApiVersion: "6"),
            TeachersOrAdmin("200", "not_session_owner")),
        new("GET /api/sessions/", new("GET", _ => "/api/sessions"), SignedIn("200")),
        new("GET /api/sessions/{id}", new("GET", s => $"/api/sessions/{s.SessionId}", SessionNeed.Tomorrow), Members("200")),
        new("POST /api/sessions/", new("POST", _ => "/api/sessions", Body: s => new
            {
                classId = s.ClassId, title = "Probe", type = "scheduled", scheduledStartTime = s.Tomorrow, durationMinutes = 30,
            }),
            OwnerOrAdmin("201", "not_class_owner")),
        new("PATCH /api/sessions/{id}", new("PATCH", s => $"/api/sessions/{s.SessionId}", SessionNeed.Tomorrow, _ => new { title = "Renamed" }),
            OwnerOrAdmin("200", "not_session_owner")),
        new("POST /api/sessions/{id}/cancel", new("POST", s => $"/api/sessions/{s.SessionId}/cancel", SessionNeed.Tomorrow),
            OwnerOrAdmin("200", "not_session_owner")),
        // A weekly series is read by the class's members and changed or cancelled, from one session on, by those who may book.
        new("GET /api/series/{id:guid}", new("GET", s => $"/api/series/{s.SeriesId}", SessionNeed.TomorrowInSeries), Members("200")),
        new("PATCH /api/series/{id:guid}", new("PATCH", s => $"/api/series/{s.SeriesId}", SessionNeed.TomorrowInSeries,
                s => new { fromSessionId = s.SessionId, title = "Renamed" }),
            OwnerOrAdmin("200", "not_session_owner")),
        new("POST /api/series/{id:guid}/cancel", new("POST", s => $"/api/series/{s.SeriesId}/cancel", SessionNeed.TomorrowInSeries),
            OwnerOrAdmin("200", "not_session_owner")),
        // Those who teach the class start and end its sessions; booking, editing and cancelling stay with the owner (above).
        new("POST /api/sessions/{id}/start", new("POST", s => $"/api/sessions/{s.SessionId}/start"), TeachersOrAdmin("200", "not_session_owner")),
        new("POST /api/sessions/{id}/end", new("POST", s => $"/api/sessions/{s.SessionId}/end", SessionNeed.Live),
            TeachersOrAdmin("200", "not_session_owner")),
        // Extending follows the end rule: those who may end a live session may book it more time.
        new("POST /api/sessions/{id}/extend", new("POST", s => $"/api/sessions/{s.SessionId}/extend", SessionNeed.Live, _ => new { minutes = 5 }),
            TeachersOrAdmin("200", "not_session_owner")),

        // Classes
        new("GET /api/classes/{id:int}", new("GET", s => $"/api/classes/{s.ClassId}"), Members("200")),
        new("PUT /api/classes/{id:int}/session-defaults", new("PUT", s => $"/api/classes/{s.ClassId}/session-defaults",
                Body: _ => new { chatEnabled = true, maxParticipants = 30, studentMediaEnabled = true, recordingEnabled = false }),
            OwnerOrAdmin("200", "not_class_owner")),
        new("GET /api/classes/{id:int}/students", new("GET", s => $"/api/classes/{s.ClassId}/students?search=a&page=1&pageSize=5"),
            TeachersOrAdmin("200", "not_class_owner")),
        new("POST /api/classes/{id:int}/students", new("POST", s => $"/api/classes/{s.ClassId}/students",
                Body: s => new { userId = s.OtherStudentId }),
            TeachersOrAdmin("201", "not_class_owner")),
        new("PUT /api/classes/{id:int}/students/{studentId}", new("PUT", s => $"/api/classes/{s.ClassId}/students/{s.OtherStudentId}"),
            TeachersOrAdmin("204", "not_class_owner")),
        new("DELETE /api/classes/{id:int}/students/{studentId}", new("DELETE", s => $"/api/classes/{s.ClassId}/students/{s.EnrolledStudentId}"),
            TeachersOrAdmin("204", "not_class_owner")),
        // Co-educators: the owner and admins choose them; a co-educator does not choose their peers.
        new("POST /api/classes/{id:int}/educators", new("POST", s => $"/api/classes/{s.ClassId}/educators", Body: s => new { userId = s.OtherEducatorId }),
            OwnerOrAdmin("201", "not_class_owner")),
        new("DELETE /api/classes/{id:int}/educators/{userId}", new("DELETE", s => $"/api/classes/{s.ClassId}/educators/{s.CoEducatorId}"),
            OwnerOrAdmin("204", "not_class_owner")),
        // Class administration: each probe creates its own class or changes the scene's own.
        new("POST /api/classes/", new("POST", _ => "/api/classes", Body: s => new
            {
                name = "Probe class", code = $"P{Guid.NewGuid():N}"[..16], subject = "Probing", educatorId = s.OwnerId,
            }),
            AdminOnly("201")),
        new("PATCH /api/classes/{id:int}", new("PATCH", s => $"/api/classes/{s.ClassId}", Body: _ => new { name = "Renamed" }), AdminOnly("200")),
        new("POST /api/classes/{id:int}/archive", new("POST", s => $"/api/classes/{s.ClassId}/archive"), AdminOnly("200")),

        // The video room
        new("POST /api/sessions/{id}/join", new("POST", s => $"/api/sessions/{s.SessionId}/join", SessionNeed.Live), Members("200")),
        new("POST /api/sessions/{id}/token", new("POST", s => $"/api/sessions/{s.SessionId}/token", SessionNeed.Live), Members("200")),
        // Leaving a room one is not in changes nothing and tells nothing.
        new("POST /api/sessions/{id}/leave", new("POST", s => $"/api/sessions/{s.SessionId}/leave", SessionNeed.Live), SignedIn("204")),

        // Chat: members of the class. Deleting a message that does not exist, and reading an attachment that does not, is how a
        // member is told apart from an outsider without a message or file in every scene.
        new("POST /api/sessions/{id}/messages", new("POST", s => $"/api/sessions/{s.SessionId}/messages", SessionNeed.Live,
                _ => new { clientMessageId = Guid.NewGuid(), text = "Probe" }),
            Members("201")),
        new("GET /api/sessions/{id}/messages", new("GET", s => $"/api/sessions/{s.SessionId}/messages?limit=10", SessionNeed.Live), Members("200")),
        new("DELETE /api/sessions/{id}/messages/{messageId:long}", new("DELETE", s => $"/api/sessions/{s.SessionId}/messages/{long.MaxValue}", SessionNeed.Live),
            Members("404 message_not_found")),
        new("POST /api/sessions/{id}/attachments", new("POST", s => $"/api/sessions/{s.SessionId}/attachments", SessionNeed.Live,
                _ => new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "probe.pdf" } }),
            Members("201")),
        new("GET /api/sessions/{id}/attachments/{attachmentId:guid}",
            new("GET", s => $"/api/sessions/{s.SessionId}/attachments/{Guid.Empty}", SessionNeed.Live), Members("404 attachment_not_found")),
        new("GET /api/sessions/{id}/attachments/{attachmentId:guid}/thumbnail",
            new("GET", s => $"/api/sessions/{s.SessionId}/attachments/{Guid.Empty}/thumbnail", SessionNeed.Live), Members("404 attachment_not_found")),

        // Activity log: members of the class (a student reads their own entries, writes issues only).
        new("POST /api/sessions/{id}/logs", new("POST", s => $"/api/sessions/{s.SessionId}/logs", SessionNeed.Live,
                _ => new { kind = "issue", text = "Probe" }),
            Members("201")),
        new("GET /api/sessions/{id}/logs", new("GET", s => $"/api/sessions/{s.SessionId}/logs?limit=10", SessionNeed.Live), Members("200")),
        new("POST /api/sessions/{id}/logs/media", new("POST", s => $"/api/sessions/{s.SessionId}/logs/media", SessionNeed.Live,
                _ => new { camera = true }),
            Members("204")),

        // Attendance
        new("GET /api/sessions/{id}/attendance", new("GET", s => $"/api/sessions/{s.SessionId}/attendance", SessionNeed.Live),
            TeachersOrAdmin("200", "not_session_owner")),
        new("GET /api/sessions/{id}/attendance.csv", new("GET", s => $"/api/sessions/{s.SessionId}/attendance.csv", SessionNeed.Live),
            TeachersOrAdmin("200", "not_session_owner")),

        // Ratings: students of the class rate its completed sessions they attended (the scene's session is not completed: the
        // enrolled student gets as far as that); those who teach it read the approved ones; admins moderate.
        new("POST /api/sessions/{id}/ratings", new("POST", s => $"/api/sessions/{s.SessionId}/ratings",
                Body: _ => new { overall = 4, criteria = new { contentClarity = 4, engagement = 4, audioVideoQuality = 4, pace = 4 }, anonymous = false }),
            Answers("401 unauthenticated", "409 session_not_completed", "403 not_enrolled", "403 teachers_cannot_rate", "403 teachers_cannot_rate",
                "403 not_enrolled", "403 teachers_cannot_rate")),
        new("GET /api/sessions/{id}/ratings/mine", new("GET", s => $"/api/sessions/{s.SessionId}/ratings/mine"), Members("404 rating_not_found")),
        new("GET /api/sessions/{id}/ratings", new("GET", s => $"/api/sessions/{s.SessionId}/ratings"), TeachersOrAdmin("200", "not_session_owner")),
        // Each educator's own sessions; students have none to summarize.
        new("GET /api/me/ratings-summary", new("GET", _ => "/api/me/ratings-summary"),
            Answers("401 unauthenticated", "403 forbidden", "403 forbidden", "200", "200", "200", "200")),
        new("GET /api/ratings/", new("GET", _ => "/api/ratings?status=pending&page=1&pageSize=5"), AdminOnly("200")),
        new("POST /api/ratings/{id}/approve", new("POST", _ => $"/api/ratings/{Guid.Empty}/approve"), AdminOnly("404 rating_not_found")),
        new("POST /api/ratings/{id}/reject", new("POST", _ => $"/api/ratings/{Guid.Empty}/reject", Body: _ => new { reason = "Probe" }),
            AdminOnly("404 rating_not_found")),

        // Reports of completed sessions: members read them (a student their own part), those who teach the class write the narrative.
        new("GET /api/sessions/{id}/report", new("GET", s => $"/api/sessions/{s.SessionId}/report", SessionNeed.Completed), Members("200")),
        new("PUT /api/sessions/{id}/report", new("PUT", s => $"/api/sessions/{s.SessionId}/report", SessionNeed.Completed,
                _ => new { summary = "Probe", recommendations = "Revise", shareWithStudents = true }),
            TeachersOrAdmin("200", "not_session_owner")),
        new("GET /api/sessions/{id}/report.csv", new("GET", s => $"/api/sessions/{s.SessionId}/report.csv", SessionNeed.Completed), Members("200")),
        new("GET /api/sessions/{id}/report.pdf", new("GET", s => $"/api/sessions/{s.SessionId}/report.pdf", SessionNeed.Completed), Members("200")),

        // Calendars: everyone signed in has a private feed; the feed itself opens with its token alone (an unknown one is 404 for
        // everyone); a session's file is for the members of its class.
        new("GET /api/me/calendar/", new("GET", _ => "/api/me/calendar"), SignedIn("200")),
        new("POST /api/me/calendar/renew", new("POST", _ => "/api/me/calendar/renew"), SignedIn("200")),
        new("GET /calendar/{token}.ics", new("GET", _ => "/calendar/q3Vb0m2x9Jd7kYtW4sLpR8nHcE1uZaF6gTiO5yNwK0M.ics"), Everyone("404")),
        new("GET /api/sessions/{id}/calendar.ics", new("GET", s => $"/api/sessions/{s.SessionId}/calendar.ics"), Members("200")),

        // The live hub: members of nothing in particular may connect; what they hear is decided by the server.
        new("* /hubs/sessions/negotiate", new("POST", _ => "/hubs/sessions/negotiate?negotiateVersion=1"), SignedIn("200")),
        new("* /hubs/sessions", new("GET", _ => "/hubs/sessions"), SignedIn("400")),

        // Documents and health, public by design.
        new("GET /openapi/{documentName}.json", new("GET", _ => "/openapi/v1.json"), Everyone("200")),
        new("GET /asyncapi/v1.json", new("GET", _ => "/asyncapi/v1.json"), Everyone("200")),
        new("* /health", new("GET", _ => "/health"), Everyone("200")),
        new("* /health/live", new("GET", _ => "/health/live"), Everyone("200")),
        new("* /health/ready", new("GET", _ => "/health/ready"), Everyone("200")),

        // Pages, as a browser with the portal cookie opens them.
        new("GET,POST /", new("GET", _ => "/", Portal: true),
            Answers(SignInPage, "302 /student", "302 /student", "302 /educator", "302 /educator", "302 /educator", "302 /admin")),
        new("GET,POST /login", new("GET", _ => "/login", Portal: true), Everyone("200")),
        // The language switch: anyone may choose a language, before signing in too; it goes back to the page it came from.
        new("GET /culture", new("GET", _ => "/culture?c=ar&redirectUri=%2Flogin", Portal: true), Everyone("302 /login")),
        new("GET,POST /educator", new("GET", _ => "/educator", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, "200", "200", "200", "200")),
        new("GET,POST /student", new("GET", _ => "/student", Portal: true),
            Answers(SignInPage, "200", "200", ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage)),
        new("GET,POST /classes/{ClassId:int}", new("GET", s => $"/classes/{s.ClassId}", Portal: true),
            Answers(SignInPage, "200", "403", "200", "200", "403", "200")),
        new("GET,POST /classes/{ClassId:int}/roster", new("GET", s => $"/classes/{s.ClassId}/roster", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, "200", "200", "403", "200")),
        new("GET,POST /sessions/{SessionId:guid}/room", new("GET", s => $"/sessions/{s.SessionId}/room", SessionNeed.Live, Portal: true),
            Answers(SignInPage, "200", "403", "200", "200", "403", "200")),
        // The chat's history, read like the history API: the class's members.
        new("GET,POST /sessions/{SessionId:guid}/chat", new("GET", s => $"/sessions/{s.SessionId}/chat", SessionNeed.Live, Portal: true),
            Answers(SignInPage, "200", "403", "200", "200", "403", "200")),
        new("GET,POST /sessions/{SessionId:guid}/attendance", new("GET", s => $"/sessions/{s.SessionId}/attendance", SessionNeed.Live, Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, "200", "200", "403", "200")),
        new("GET,POST /sessions/{SessionId:guid}/activity", new("GET", s => $"/sessions/{s.SessionId}/activity", SessionNeed.Live, Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, "200", "200", "403", "200")),
        // The report, read like the report API: those who teach it the whole, an enrolled student their own part.
        new("GET,POST /sessions/{SessionId:guid}/report", new("GET", s => $"/sessions/{s.SessionId}/report", SessionNeed.Completed, Portal: true),
            Answers(SignInPage, "200", "403", "200", "200", "403", "200")),
        new("GET,POST /admin", new("GET", _ => "/admin", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        new("GET,POST /admin/users", new("GET", _ => "/admin/users", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        new("GET,POST /admin/classes", new("GET", _ => "/admin/classes", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        new("GET,POST /admin/audit", new("GET", _ => "/admin/audit", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        new("GET,POST /admin/imports", new("GET", _ => "/admin/imports", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        new("GET,POST /admin/ratings", new("GET", _ => "/admin/ratings", Portal: true),
            Answers(SignInPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, ForbiddenPage, "200")),
        // Everyone signed in has a calendar of their own sessions.
        new("GET,POST /calendar", new("GET", _ => "/calendar", Portal: true), Answers(SignInPage, "200", "200", "200", "200", "200", "200")),
        new("GET,POST /account", new("GET", _ => "/account", Portal: true), Answers(SignInPage, "200", "200", "200", "200", "200", "200")),
        // Whoever holds a link may use it, signed in or not; the page itself says when a link cannot be used.
        new("GET,POST /account/set-password", new("GET", _ => "/account/set-password?token=not-a-token", Portal: true), Everyone("200")),
        new("GET,POST /forbidden", new("GET", _ => "/forbidden", Portal: true), Answers(SignInPage, "403", "403", "403", "403", "403", "403")),
        new("GET,POST /not-found", new("GET", _ => "/not-found", Portal: true), Everyone("200")),
        new("GET,POST /Error", new("GET", _ => "/Error", Portal: true), Everyone("200")),
        new("POST /account/logout", new("POST", _ => "/account/logout", Portal: true, SignsOut: true),
            // Signing out is a form post of the portal's own pages: without their antiforgery token it is refused.
            Answers(SignInPage, "400 antiforgery_failed", "400 antiforgery_failed", "400 antiforgery_failed", "400 antiforgery_failed",
                "400 antiforgery_failed", "400 antiforgery_failed")),

        // Blazor's own endpoints: a circuit carries no rights of its own; the pages it renders check them.
        new("* /_blazor/negotiate", new("POST", _ => "/_blazor/negotiate?negotiateVersion=1", Portal: true), Everyone("200")),
        new("* /_blazor", new("GET", _ => "/_blazor", Portal: true), Everyone("400")),
        // These two answer the framework's own 400 for a request without what they need (they read 404 while a re-execution
        // to the not-found page, unrouted, turned every 4xx of a page into an empty 404).
        new("* /_blazor/disconnect/", new("POST", _ => "/_blazor/disconnect/", Portal: true), Everyone("400")),
        new("* /_blazor/initializers/", new("GET", _ => "/_blazor/initializers/", Portal: true), Everyone("200")),
        new("GET /_framework/opaque-redirect", new("GET", _ => "/_framework/opaque-redirect", Portal: true), Everyone("400")),
    ];
}
