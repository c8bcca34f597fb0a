using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>
/// The accounts list: search, role and status filters, and pages read from the server; each row's actions call
/// <see cref="UserAdministration"/> and show its refusal.
/// </summary>
public sealed partial class AdminUsersPage
{
    private MudTable<AdminUser> _table = default!;
    private string _actorId = "";
    private string _timeZone = "";
    private string? _search;
    private string? _role;
    private string? _status;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private UserAdministration Administration { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actorId = SessionActor.From(user).UserId;
        _timeZone = UserTime.For(user).Zone.Id;
    }

    private async Task<TableData<AdminUser>> LoadAsync(TableState state, CancellationToken ct)
    {
        var found = await Administration.ListAsync(new UserFilter(_search, _role, _status), new PageRequest(state.Page + 1, state.PageSize), ct);
        return new TableData<AdminUser> { Items = found.Items, TotalItems = found.TotalCount };
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _table.ReloadServerData();
    }

    private Task FilterRoleAsync(string? role)
    {
        _role = role;
        return _table.ReloadServerData();
    }

    private Task FilterStatusAsync(string? status)
    {
        _status = status;
        return _table.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        if (await UserDialog.CreateAsync(Dialogs, _actorId, _timeZone) is { } created)
        {
            await _table.ReloadServerData();
            await PasswordLinkDialog.ShowAsync(Dialogs, Navigation, created.User.DisplayName, created.Link);
        }
    }

    private async Task EditAsync(AdminUser user)
    {
        if (await UserDialog.EditAsync(Dialogs, _actorId, user) is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task PasswordLinkAsync(AdminUser user)
    {
        var link = await Administration.IssuePasswordLinkAsync(_actorId, user.Id, CancellationToken.None);
        if (link.Error is { } error)
        {
            Snackbar.Add(error.Message, Severity.Error);
            return;
        }
        await PasswordLinkDialog.ShowAsync(Dialogs, Navigation, user.DisplayName, link.Value!);
    }

    private async Task DeactivateAsync(AdminUser user)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, $"Deactivate {user.DisplayName}?",
                "They are signed out everywhere within seconds and cannot sign in until reactivated. Their history stays.",
                "Deactivate", "Keep active", TestIds.ConfirmDeactivate))
        {
            await ShowAndReloadAsync(await Administration.DeactivateAsync(_actorId, user.Id, CancellationToken.None));
        }
    }

    private async Task ReactivateAsync(AdminUser user)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, $"Reactivate {user.DisplayName}?", "They can sign in again.",
                "Reactivate", "Cancel", TestIds.ConfirmReactivate))
        {
            await ShowAndReloadAsync(await Administration.ReactivateAsync(_actorId, user.Id, CancellationToken.None));
        }
    }

    private async Task ShowAndReloadAsync(Result<AdminUser> result)
    {
        if (result.Error is { } error)
        {
            Snackbar.Add(error.Message, Severity.Error);
        }
        await _table.ReloadServerData();
    }
}
