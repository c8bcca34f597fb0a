namespace Sessions.Web.Components.Common;

/// <summary>
/// The <c>data-testid</c> values that tests locate elements by. The E2E project compiles this same file,
/// so a renamed id breaks the build rather than a test run.
/// </summary>
public static class TestIds
{
    public const string LoginEmail = "login-email";
    public const string LoginPassword = "login-password";
    public const string LoginSubmit = "login-submit";
    public const string LoginError = "login-error";
    public const string Forbidden = "forbidden";
    public const string ScheduleSession = "schedule-session";
    public const string StartInstantSession = "start-instant-session";
    public const string ConfirmEnd = "confirm-end";

    // Set-password page.
    public const string SetPasswordNew = "set-password-new";
    public const string SetPasswordConfirm = "set-password-confirm";
    public const string SetPasswordSubmit = "set-password-submit";
    public const string SetPasswordError = "set-password-error";
    public const string SetPasswordLinkError = "set-password-link-error";
    public const string SetPasswordDone = "set-password-done";

    // The account page: the user's own password and time zone.
    public const string MustChangePassword = "must-change-password";
    public const string CurrentPassword = "current-password";
    public const string NewPassword = "new-password";
    public const string ConfirmNewPassword = "confirm-new-password";
    public const string ChangePasswordSubmit = "change-password-submit";
    public const string ChangePasswordResult = "change-password-result";
    public const string OwnTimeZone = "own-time-zone";
    public const string ChangeTimeZoneSubmit = "change-time-zone-submit";
    public const string ChangeTimeZoneResult = "change-time-zone-result";
    public const string OwnCulture = "own-culture";
    public const string OwnClock = "own-clock";
    public const string OwnDigits = "own-digits";
    public const string ChangeFormatsSubmit = "change-formats-submit";
    public const string ChangeFormatsResult = "change-formats-result";

    // Administration: the accounts list, its dialogs, and the audit trail.
    public const string AdminNav = "admin-nav";
    public const string AdminMenu = "admin-menu";
    public const string SkipLink = "skip-link";
    public const string LanguageSwitch = "language-switch";
    public static string Language(string culture) => $"language-{culture}";
    public const string UsersSearch = "users-search";
    public const string UsersRoleFilter = "users-role-filter";
    public const string UsersStatusFilter = "users-status-filter";
    public const string UsersTable = "users-table";
    public const string CreateUser = "create-user";
    public const string UserFormEmail = "user-form-email";
    public const string UserFormDisplayName = "user-form-display-name";
    public const string UserFormTimeZone = "user-form-time-zone";
    public const string UserFormSubmit = "user-form-submit";
    public const string UserFormError = "user-form-error";
    public const string PasswordLinkUrl = "password-link-url";
    public const string CopyPasswordLink = "copy-password-link";
    public const string ConfirmDeactivate = "confirm-deactivate";
    public const string ConfirmReactivate = "confirm-reactivate";
    public const string AuditTable = "audit-table";
    public const string ClassesSearch = "classes-search";
    public const string ClassesShowArchived = "classes-show-archived";
    public const string ClassesTable = "classes-table";
    public const string CreateClass = "create-class";
    public const string ClassFormName = "class-form-name";
    public const string ClassFormCode = "class-form-code";
    public const string ClassFormSubject = "class-form-subject";
    public const string ClassFormEducator = "class-form-educator";
    public const string ClassFormSubmit = "class-form-submit";
    public const string ClassFormError = "class-form-error";
    public const string ClassCoEducators = "class-co-educators";
    public const string ClassFormCoEducator = "class-form-co-educator";
    public const string ConfirmArchiveClass = "confirm-archive-class";

    // The school overview (/admin): a section per list, each with its count; counts of the rest of the day.
    public const string OverviewLive = "overview-live";
    public const string OverviewStartingSoon = "overview-starting-soon";
    public const string OverviewMissed = "overview-missed";
    public const string OverviewLaterToday = "overview-later-today";
    public const string OverviewDoneToday = "overview-done-today";
    public const string OverviewError = "overview-error";

    // A class's roster page (/classes/{id}/roster).
    public const string RosterHeader = "roster-header";
    public const string RosterAddStudent = "roster-add-student";
    public const string RosterAddEmail = "roster-add-email";
    public const string RosterAddEmailSubmit = "roster-add-email-submit";
    public const string RosterSearch = "roster-search";
    public const string RosterTable = "roster-table";
    public const string RosterError = "roster-error";
    public const string ConfirmRemoveStudent = "confirm-remove-student";

    // The roster import page.
    public const string ImportFile = "import-file";
    public const string ImportError = "import-error";
    public const string ImportSummary = "import-summary";
    public const string ImportErrorsOnly = "import-errors-only";
    public const string ImportRows = "import-rows";
    public const string ImportApply = "import-apply";
    public const string ImportResult = "import-result";
    public const string ImportDownloadLinks = "import-download-links";
    public const string ImportRowPrefix = "import-row-";
    public static string ImportRow(int row) => ImportRowPrefix + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The session dialog: schedule, start now, edit.
    public const string SessionFormClass = "session-form-class";
    public const string SessionFormTitle = "session-form-title";
    public const string SessionFormDescription = "session-form-description";
    public const string SessionFormDate = "session-form-date";
    public const string SessionFormTime = "session-form-time";
    public const string SessionFormDuration = "session-form-duration";
    public const string SessionFormMaxParticipants = "session-form-max-participants";
    public const string SessionFormSubmit = "session-form-submit";
    public const string SessionFormError = "session-form-error";

    // The session dialog's "Repeat" section, its warning after booking, and the cancel dialog's choice for a series.
    public const string RepeatWeekly = "repeat-weekly";
    public const string RepeatEndsUntil = "repeat-ends-until";
    public const string RepeatEndsCount = "repeat-ends-count";
    public const string RepeatUntil = "repeat-until";
    public const string RepeatCount = "repeat-count";
    public const string RepeatPreview = "repeat-preview";
    public const string SeriesOverlapWarning = "series-overlap-warning";
    public const string SeriesBookedClose = "series-booked-close";
    public const string CancelThisSession = "cancel-this-session";
    public const string CancelFollowing = "cancel-following";
    public static string RepeatDay(DayOfWeek day) => $"repeat-day-{day.ToString().ToLowerInvariant()}";
    public static string SessionWeekly(Guid id) => $"session-weekly-{id}";
    public const string ChatSetting = "chat";
    public const string StudentMediaSetting = "student-media";
    public const string RecordingSetting = "recording";

    // The cancel dialog.
    public const string CancelReason = "cancel-reason";
    public const string ConfirmCancel = "confirm-cancel";
    public const string SignedInAs = "signed-in-as";
    public const string Logout = "logout";

    /// <summary>Present once the page runs on its live circuit (prerendered buttons do nothing before that).</summary>
    public const string Interactive = "interactive";

    /// <summary>The indicator that a page (a class page, a waiting room) is listening for live sessions.</summary>
    public const string LiveUpdates = "live-updates";

    // The reconnection banner every page carries (Components/Layout/ReconnectBanner.razor).
    public const string ReconnectBanner = "reconnect-banner";
    public const string ReconnectReconnecting = "reconnect-reconnecting";
    public const string ReconnectBackOnline = "reconnect-back-online";
    public const string ReconnectNeedsReload = "reconnect-needs-reload";
    public const string ReconnectReload = "reconnect-reload";
    public const string ErrorBar = "error-bar";

    // The video room (/sessions/{id}/room).
    public const string RoomTitle = "room-title";
    public const string RoomElapsed = "room-elapsed";
    public const string RoomWaiting = "room-waiting";
    public const string SessionEnded = "session-ended";
    public const string SdkVersion = "sdk-version";
    public const string VideoConnecting = "video-connecting";
    public const string VideoStatus = "video-status";
    public const string VideoError = "video-error";
    public const string VideoRetry = "video-retry";
    public const string VideoNotice = "video-notice";
    public const string VideoDetailsToggle = "video-details-toggle";
    public const string VideoDetails = "video-details";
    public const string VideoGrid = "video-grid";
    public const string RoomMicrophone = "room-microphone";
    public const string RoomCamera = "room-camera";
    public const string RoomAnnouncer = "room-announcer";
    public const string RoomLeave = "room-leave";
    public const string RoomEndSession = "room-end-session";
    public const string RoomParticipants = "room-participants";
    public const string RoomWrapUp = "room-wrap-up";
    public const string RoomWrapUpEnd = "room-wrap-up-end";
    public const string RoomMediaOff = "room-media-off";
    public const string RoomFull = "room-full";
    public const string RoomFullRetry = "room-full-retry";
    public const string AttendanceCsv = "attendance-csv";
    public const string AttendanceSummary = "attendance-summary";
    public const string ActivityTimeline = "activity-timeline";
    public const string ActivityLogLink = "activity-log-link";
    public const string RoomIssues = "room-issues";
    public const string ActivityEmpty = "activity-empty";
    public const string ActivityLoadMore = "activity-load-more";
    public const string RoomAttendance = "room-attendance";

    // The chat (room panel and history page).
    public const string ChatPanel = "chat-panel";
    public const string ChatToggle = "chat-toggle";
    public const string ChatUnread = "chat-unread";
    public const string ChatInput = "chat-input";
    public const string ChatSend = "chat-send";
    public const string ChatAttach = "chat-attach";
    public const string ChatCounter = "chat-counter";
    public const string ChatState = "chat-state";
    public const string ChatLoadEarlier = "chat-load-earlier";
    public const string ChatUpload = "chat-upload";
    public const string ChatImageDialog = "chat-image-dialog";
    public const string ChatDeleteConfirm = "chat-delete-confirm";
    public const string ChatHistoryLink = "chat-history-link";

    /// <summary>Every item of a class page's upcoming list, in the order shown: <c>[data-testid^=…]</c>.</summary>
    public const string UpcomingSessionPrefix = "upcoming-session-";
    public const string SessionCardPrefix = "session-card-";

    public static string SessionCard(Guid id) => SessionCardPrefix + id;
    public static string SessionStatus(Guid id) => $"session-status-{id}";
    public static string StartSession(Guid id) => $"start-session-{id}";
    public static string StartCountdown(Guid id) => $"start-countdown-{id}";
    public static string StartBlocked(Guid id) => $"start-blocked-{id}";
    public static string ExtendSession(Guid id, int minutes) => $"extend-session-{id}-{minutes}";
    public static string BookedEnd(Guid id) => $"booked-end-{id}";
    public static string SessionElapsed(Guid id) => $"session-elapsed-{id}";
    public static string SessionError(Guid id) => $"session-error-{id}";
    public static string EndSession(Guid id) => $"end-session-{id}";
    public static string EnterRoom(Guid id) => $"enter-room-{id}";
    public static string EditSession(Guid id) => $"edit-session-{id}";
    public static string CancelSession(Guid id) => $"cancel-session-{id}";
    public static string SessionWrapUp(Guid id) => $"session-wrap-up-{id}";
    public static string SessionCancelReason(Guid id) => $"session-cancel-reason-{id}";
    public static string JoinCard(Guid id) => $"join-card-{id}";
    public static string JoinSession(Guid id) => $"join-session-{id}";
    public static string JoinCardEnding(Guid id) => $"join-card-ending-{id}";
    public static string ClassCard(int id) => $"class-card-{id}";
    public static string ClassLiveBadge(int id) => $"class-live-badge-{id}";
    public static string ClassArchivedBadge(int id) => $"class-archived-badge-{id}";
    public static string ClassRoster(int id) => $"class-roster-{id}";
    public static string RosterRow(string userId) => $"roster-row-{userId}";
    public static string RosterRate(string userId) => $"roster-rate-{userId}";
    public static string RosterDeactivated(string userId) => $"roster-deactivated-{userId}";
    public static string RemoveStudent(string userId) => $"remove-student-{userId}";
    public static string OpenClass(int id) => $"open-class-{id}";
    public static string UpcomingSession(Guid id) => UpcomingSessionPrefix + id;
    public static string UpcomingStatus(Guid id) => $"upcoming-status-{id}";
    public static string UpcomingReason(Guid id) => $"upcoming-reason-{id}";
    public static string RoomParticipant(string userId) => $"room-participant-{userId}";
    /// <summary>The state of the room's <c>microphone</c> or <c>camera</c>, in words, beside its button.</summary>
    public static string RoomDeviceState(string device) => $"room-{device}-state";
    public static string ChatMessage(long id) => $"chat-message-{id}";
    public static string ChatDelete(long id) => $"chat-delete-{id}";
    /// <summary>A message not stored yet (sending, or failed with a retry): keyed by its client-chosen id.</summary>
    public static string ChatPending(Guid clientMessageId) => $"chat-pending-{clientMessageId}";
    public static string ChatRetry(Guid clientMessageId) => $"chat-retry-{clientMessageId}";
    public static string ChatImage(Guid attachmentId) => $"chat-image-{attachmentId}";
    public static string SessionAttendance(Guid id) => $"session-attendance-{id}";
    public static string ActivityEntry(long id) => $"activity-entry-{id}";
    public static string RoomIssue(long id) => $"room-issue-{id}";
    public static string OverviewCount(string section) => $"{section}-count";
    public static string OverviewSession(Guid id) => $"overview-session-{id}";
    public static string OverviewEnd(Guid id) => $"overview-end-{id}";
    public static string UserRow(string id) => $"user-row-{id}";
    public static string ClassRow(int id) => $"class-row-{id}";
    public static string EditClass(int id) => $"edit-class-{id}";
    public static string ArchiveClass(int id) => $"archive-class-{id}";
    public static string CoEducatorChip(string userId) => $"co-educator-chip-{userId}";
    public static string UserStatusOf(string id) => $"user-status-{id}";
    public static string EditUser(string id) => $"edit-user-{id}";
    public static string DeactivateUser(string id) => $"deactivate-user-{id}";
    public static string ReactivateUser(string id) => $"reactivate-user-{id}";
    public static string PasswordLinkFor(string id) => $"password-link-{id}";
    public static string UserFormRole(string role) => $"user-form-role-{role.ToLowerInvariant()}";

    /// <summary>One choice of a session setting in the session dialog: <c>null</c> is the class default.</summary>
    public static string SessionSettingChoice(string setting, bool? choice) =>
        $"session-setting-{setting}-{choice switch { null => "default", true => "on", false => "off" }}";

    // Ratings: the moderation page, the class page's prompt and form, the educator's card.
    public const string RatingsTable = "ratings-table";
    public const string RatingStatusFilter = "rating-status-filter";
    public const string RejectReason = "reject-reason";
    public const string ConfirmReject = "confirm-reject";
    public const string RatingFeedback = "rating-feedback";
    public const string RatingAnonymous = "rating-anonymous";
    public const string SubmitRating = "submit-rating";
    public const string RatingSummary = "rating-summary";

    public static string RatingAuthor(Guid ratingId) => $"rating-author-{ratingId}";

    public static string RatingStatus(Guid ratingId) => $"rating-status-{ratingId}";

    public const string ApproveRatingPrefix = "approve-rating-";
    public static string ApproveRating(Guid ratingId) => ApproveRatingPrefix + ratingId;

    public static string RejectRating(Guid ratingId) => $"reject-rating-{ratingId}";

    public static string RatingPrompt(Guid sessionId) => $"rating-prompt-{sessionId}";

    public static string RateSession(Guid sessionId) => $"rate-session-{sessionId}";

    public static string DismissRatingPrompt(Guid sessionId) => $"dismiss-rating-prompt-{sessionId}";

    public static string RatingPending(Guid sessionId) => $"rating-pending-{sessionId}";

    public static string RatingScore(string criterion, int score) => $"rating-score-{criterion}-{score}";

    // The session report (/sessions/{id}/report): the view, its charts, its downloads and the educator's text editor.
    public const string ReportView = "report-view";
    public const string ReportLink = "report-link";
    public const string ReportFacts = "report-facts";
    public const string ReportLateness = "report-lateness";
    public const string ReportDuration = "report-duration";
    public const string ReportTotals = "report-totals";
    public const string ReportAbsent = "report-absent";
    public const string ReportNobodyCame = "report-nobody-came";
    public const string ReportTimeline = "report-timeline";
    public const string ReportTimelineBooked = "report-timeline-booked";
    public const string ReportParticipation = "report-participation";
    public const string ReportStudents = "report-students";
    public const string ReportChat = "report-chat";
    public const string ReportIssues = "report-issues";
    public const string ReportRatings = "report-ratings";
    public const string ReportNarrative = "report-narrative";
    public const string ReportSummary = "report-summary";
    public const string ReportRecommendations = "report-recommendations";
    public const string ReportCsv = "report-csv";
    public const string ReportPdfA4 = "report-pdf-a4";
    public const string ReportPdfLetter = "report-pdf-letter";
    public const string ReportEditor = "report-editor";
    public const string ReportEditorErrors = "report-editor-errors";
    public const string ReportSummaryInput = "report-summary-input";
    public const string ReportRecommendationsInput = "report-recommendations-input";
    public const string ReportPreviewToggle = "report-preview-toggle";
    public const string ReportShare = "report-share";
    public const string ReportSave = "report-save";
    public const string ReportSaved = "report-saved";
    public const string ReportUnsaved = "report-unsaved";

    /// <summary>The start of each presence bar's id of one student in the timeline.</summary>
    public static string ReportTimelineBarsOf(string userId) => $"report-timeline-bar-{userId}-";
    public static string ReportTimelineBar(string userId, int index) =>
        ReportTimelineBarsOf(userId) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public const string ReportStudentRowPrefix = "report-student-";
    public static string ReportStudentRow(string userId) => ReportStudentRowPrefix + userId;
    public static string ReportCounter(string field) => $"report-counter-{field}";
    public static string ReportPreview(string field) => $"report-preview-{field}";

    // A class's past sessions (on its roster page).
    public const string PastSessions = "past-sessions";
    public const string PastSessionsEmpty = "past-sessions-empty";
    public const string PastSessionsMore = "past-sessions-more";
    public static string PastSession(Guid id) => $"past-session-{id}";
    public static string PastSessionReport(Guid id) => $"past-session-report-{id}";
}
