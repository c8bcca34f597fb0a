using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>
/// A class's roster for its educator or an admin: the students with their attendance, a page at a time; adding by search or
/// by email and removing (after confirmation) call <see cref="ClassRoster"/> and show its refusal.
/// </summary>
public sealed partial class ClassRosterPage : IDisposable
{
    private IDisposable? _rosterWatch;
    private ClassSummary? _class;
    private ServiceError? _refusal;
    private SessionActor _actor = default!;
    private MudTable<RosterStudent>? _table;
    private RosterCandidate? _candidate;
    private string? _search;
    private string? _email;
    private string? _error;
    /// <summary>The shown error is the refusal of the email typed in "Add by email": that field is invalid and described by it.</summary>
    private bool _emailRefused;
    private bool _busy;

    /// <summary>The id of the alert while it explains the refused email (<see cref="FormErrors.IdOf"/>), named by the field's aria-describedby.</summary>
    public static readonly string EmailErrorId = FormErrors.IdOf("roster-email");

    [Parameter] public int ClassId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ClassRoster Roster { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;
    [Inject] private LiveSubscriptions Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = SessionActor.From((await AuthenticationState).User);
        if (RendererInfo.IsInteractive)
        {
            // Listen before reading, so a change made elsewhere (another tab, the API, an import) is never missed.
            _rosterWatch = Live.WatchRoster(ClassId, change => _ = InvokeAsync(RefreshLiveAsync));
        }
        await ReadClassAsync();
        if (_refusal is not null)
        {
            Dispose();
        }
    }

    public void Dispose() => _rosterWatch?.Dispose();

    /// <summary>"75% (9 of 12)", or a dash while no session of the class has been held.</summary>
    private string AttendanceText(RosterStudent student) => student.AttendanceRate is { } rate
        ? T["Roster.Rate", Format.Number(Math.Round(rate * 100)), Format.Number(student.SessionsAttended), Format.Number(student.SessionsHeld)]
        : T["Roster.NoSessionYet"];

    private async Task ReadClassAsync()
    {
        var result = await Roster.GetClassAsync(_actor, ClassId, CancellationToken.None);
        _refusal = result.Error;
        _class = result.Value;
    }

    private async Task<TableData<RosterStudent>> LoadAsync(TableState state, CancellationToken ct)
    {
        var found = await Roster.ListAsync(_actor, ClassId, _search, new PageRequest(state.Page + 1, state.PageSize), ct);
        _error = found.Error?.Message ?? _error;
        return new TableData<RosterStudent> { Items = found.Value?.Items ?? [], TotalItems = found.Value?.TotalCount ?? 0 };
    }

    private async Task<IEnumerable<RosterCandidate>> FindCandidatesAsync(string? text, CancellationToken ct) =>
        (await Roster.CandidatesAsync(_actor, ClassId, text, ct)).Value ?? [];

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private async Task AddCandidateAsync(RosterCandidate? candidate)
    {
        if (candidate is not null)
        {
            await AddAsync(new NewRosterStudent(candidate.UserId, null));
        }
        _candidate = null;
    }

    private async Task AddByEmailAsync()
    {
        if (await AddAsync(new NewRosterStudent(null, _email)))
        {
            _email = null;
        }
        else
        {
            _emailRefused = true;
        }
    }

    private void ClearError()
    {
        _error = null;
        _emailRefused = false;
    }

    private Task EmailKeyUpAsync(KeyboardEventArgs key) =>
        key.Key == "Enter" && !string.IsNullOrWhiteSpace(_email) && !_busy ? AddByEmailAsync() : Task.CompletedTask;

    private async Task<bool> AddAsync(NewRosterStudent request)
    {
        _busy = true;
        _emailRefused = false;
        try
        {
            var added = await Roster.AddAsync(_actor, ClassId, request, CancellationToken.None);
            if (added.Error is { } error)
            {
                _error = Errors.Detail(error);
                return false;
            }
            _error = null;
            var (student, enrolled) = added.Value!;
            Snackbar.Add(enrolled ? T["Roster.Added", student.DisplayName] : T["Roster.AlreadyEnrolled", student.DisplayName],
                enrolled ? Severity.Success : Severity.Info);
            await RefreshAsync();
            return true;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RemoveAsync(RosterStudent student)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, T["Roster.RemoveQuestion", student.DisplayName],
                T["Roster.RemoveMessage"], T["Roster.RemoveConfirm"], T["Roster.Keep"], TestIds.ConfirmRemoveStudent))
        {
            return;
        }
        var removed = await Roster.UnenrollAsync(_actor, ClassId, student.UserId, CancellationToken.None);
        _error = removed.Error is { } refused ? Errors.Detail(refused) : null;
        _emailRefused = false;
        await RefreshAsync();
    }

    private async Task RefreshLiveAsync()
    {
        try
        {
            await RefreshAsync();
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    /// <summary>The header's count and the table, read again after a change.</summary>
    private async Task RefreshAsync()
    {
        await ReadClassAsync();
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }
}
