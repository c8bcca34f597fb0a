using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Ratings.Components;

/// <summary>The moderation list: pending ratings first; approving or rejecting (with a reason) one at a time.</summary>
public sealed partial class AdminRatingsPage
{
    private MudTable<ModeratedRatingDto>? _table;
    private RatingStatus? _status = RatingStatus.Pending;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private SessionRatings Ratings { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private string StatusLabelOf(string wireStatus) => StatusLabel(WireNames.Parse<RatingStatus>(wireStatus));

    private string StatusLabel(RatingStatus? status) => T[$"Status.{(status is { } known ? WireNames.Of(known) : "all")}"];

    private static IEnumerable<(string Criterion, int Score)> Scores(ModeratedRatingDto rating) =>
    [
        ("overall", rating.Overall),
        ("contentClarity", rating.Criteria.ContentClarity),
        ("engagement", rating.Criteria.Engagement),
        ("audioVideoQuality", rating.Criteria.AudioVideoQuality),
        ("pace", rating.Criteria.Pace),
    ];

    private async Task<TableData<ModeratedRatingDto>> LoadAsync(TableState state, CancellationToken ct)
    {
        var (items, total) = await Ratings.ListAsync(_status, new PageRequest(state.Page + 1, state.PageSize), ct);
        return new TableData<ModeratedRatingDto> { Items = items, TotalItems = total };
    }

    private async Task ShowAsync(RatingStatus? status)
    {
        _status = status;
        await ReloadAsync();
    }

    private async Task ApproveAsync(ModeratedRatingDto rating) =>
        await ReportAsync(await Ratings.ApproveAsync(await ActorAsync(), rating.Id, CancellationToken.None), T["Admin.ApprovedNote"]);

    private async Task RejectAsync(ModeratedRatingDto rating)
    {
        if (await RejectRatingDialog.AskAsync(Dialogs, T["Reject.Title"]) is { } reason)
        {
            await ReportAsync(await Ratings.RejectAsync(await ActorAsync(), rating.Id, reason, CancellationToken.None), T["Admin.RejectedNote"]);
        }
    }

    private async Task ReportAsync(Result<ModeratedRatingDto> result, string done)
    {
        if (result.Error is { } error)
        {
            Snackbar.Add(string.Join(" ", FormErrors.Of(error, Errors).Summary), Severity.Error);
        }
        else
        {
            Snackbar.Add(done, Severity.Success);
        }
        await ReloadAsync();
    }

    private async Task<SessionActor> ActorAsync() => SessionActor.From((await AuthenticationState).User);

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
