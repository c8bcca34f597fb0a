using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Administration.Components;

/// <summary>Adds and removes a class's co-educators through <see cref="ClassEducators"/>, showing its refusal under the picker.</summary>
public sealed partial class CoEducatorsField
{
    private IReadOnlyList<SessionHostDto> _coEducators = [];
    private AdminUser? _picked;
    private string? _error;
    private bool _busy;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ClassEducators Educators { get; set; } = default!;
    [Inject] private UserAdministration Users { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;

    [Parameter, EditorRequired] public int ClassId { get; set; }

    /// <summary>The co-educators as the class list read them.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<SessionHostDto> Initial { get; set; } = [];

    protected override void OnInitialized() => _coEducators = Initial;

    private Task<IEnumerable<AdminUser>> FindEducatorsAsync(string? text, CancellationToken ct) => EducatorChoices.FindAsync(Users, text, ct);

    private async Task AddAsync(AdminUser? educator)
    {
        _picked = educator;
        if (educator is not null)
        {
            await ChangeAsync(actor => Educators.AddAsync(actor, ClassId, educator.Id, CancellationToken.None));
            _picked = null;
        }
    }

    private Task RemoveAsync(SessionHostDto coEducator) =>
        ChangeAsync(actor => Educators.RemoveAsync(actor, ClassId, coEducator.Id, CancellationToken.None));

    private async Task ChangeAsync(Func<SessionActor, Task<Result<CoEducatorChange>>> change)
    {
        _busy = true;
        try
        {
            var result = await change(SessionActor.From((await AuthenticationState).User));
            _error = FormErrors.Of(result.Error, Errors) is { Summary.Count: > 0 } refused ? string.Join(" ", refused.Summary) : null;
            if (result.Error is null)
            {
                _coEducators = result.Value!.Educators.CoEducators;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
