using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>
/// The classes list: search, the archived switch, and pages read from the server; creating, editing and archiving call
/// <see cref="ClassAdministration"/> and show its refusal.
/// </summary>
public sealed partial class AdminClassesPage
{
    private static string CoEducatorNames(AdminClassRow row) => string.Join(", ", row.CoEducators.Select(e => e.DisplayName));

    private MudTable<AdminClassRow> _table = default!;
    private string _actorId = "";
    private string? _search;
    private bool _includeArchived;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ClassAdministration Administration { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        _actorId = SessionActor.From((await AuthenticationState).User).UserId;

    private async Task<TableData<AdminClassRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var found = await Administration.ListAsync(new ClassFilter(_search, _includeArchived), new PageRequest(state.Page + 1, state.PageSize), ct);
        return new TableData<AdminClassRow> { Items = found.Items, TotalItems = found.TotalCount };
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _table.ReloadServerData();
    }

    private Task ShowArchivedAsync(bool include)
    {
        _includeArchived = include;
        return _table.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        if (await ClassDialog.CreateAsync(Dialogs, _actorId) is not null)
        {
            await _table.ReloadServerData();
        }
    }

    /// <summary>Reloads however the dialog closed: its co-educator changes are stored at once, even when its other edits are cancelled.</summary>
    private async Task EditAsync(AdminClassRow row)
    {
        await ClassDialog.EditAsync(Dialogs, _actorId, row);
        await _table.ReloadServerData();
    }

    private async Task ArchiveAsync(AdminClassRow row)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, $"Archive {row.Name}?",
                "It keeps its roster, its sessions and their history, and takes no new sessions. Sessions already scheduled stay.",
                "Archive", "Keep", TestIds.ConfirmArchiveClass))
        {
            var archived = await Administration.ArchiveAsync(_actorId, row.Id, CancellationToken.None);
            if (archived.Error is { } error)
            {
                Snackbar.Add(error.Message, Severity.Error);
            }
            await _table.ReloadServerData();
        }
    }
}
