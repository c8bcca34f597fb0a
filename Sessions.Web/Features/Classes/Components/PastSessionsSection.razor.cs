using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>
/// The "Past sessions" section of a class for those who teach it (<see cref="ClassPastSessions"/> decides who may): its
/// completed sessions, newest first, <see cref="ClassPastSessions.PageSize"/> at a time with "Show more".
/// </summary>
public sealed partial class PastSessionsSection
{
    private readonly List<PastSession> _sessions = [];
    private SessionActor _actor = default!;
    private UserTime _userTime = default!;
    private int _total;
    private int _pagesRead;
    private bool _loaded;
    private bool _loading;
    private string? _error;

    [Parameter, EditorRequired] public int ClassId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ClassPastSessions PastSessions { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = SessionActor.From(user);
        _userTime = UserTime.For(user);
        await LoadMoreAsync();
    }

    private bool HasMore => _sessions.Count < _total;

    private async Task LoadMoreAsync()
    {
        _loading = true;
        try
        {
            var page = await PastSessions.ListAsync(_actor, ClassId, new PageRequest(_pagesRead + 1, ClassPastSessions.PageSize), CancellationToken.None);
            if (page.Error is { } refused)
            {
                _error = Errors.Detail(refused);
                return;
            }
            // A session that ended since the last page moves the rest down by one: skip what is shown already.
            _sessions.AddRange(page.Value!.Items.Where(s => !_sessions.Exists(shown => shown.Id == s.Id)));
            _total = page.Value.TotalCount;
            _pagesRead++;
        }
        finally
        {
            _loading = false;
            _loaded = true;
        }
    }

    private string When(PastSession session) =>
        T["Past.When", Format.DayAndTime(_userTime.ToLocal(session.StartedUtc)), Format.Number(Math.Round(session.Duration.TotalMinutes), "0")];

    private static string AttendancePath(PastSession session) => $"/sessions/{session.Id}/attendance";

    private static string ActivityPath(PastSession session) => $"/sessions/{session.Id}/activity";
}
