using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Calendar.Components;

/// <summary>The user's sessions by week or month on their own clock, and their private feed to subscribe to.</summary>
public sealed partial class CalendarPage
{
    private CalendarGrid _grid = CalendarGrid.For(CalendarView.Week, DateOnly.MinValue);
    private DateOnly _today;
    private UserTime? _time;
    private string _userId = "";
    private string _feedUrl = "";
    private IReadOnlyList<CalendarEntry> _entries = [];

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private CalendarSessions Sessions { get; set; } = default!;
    [Inject] private CalendarFeeds Feeds { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private DisplayFormat Format { get; set; } = default!;

    private string RangeLabel => _grid.View == CalendarView.Month
        ? _grid.Anchor.ToString("Y", CultureInfo.CurrentCulture)
        : $"{Format.Day(_grid.First.ToDateTime(TimeOnly.MinValue))} – {Format.Day(_grid.Last.ToDateTime(TimeOnly.MinValue))}";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = SessionActor.From(user).UserId;
        _time = UserTime.For(user);
        _today = DateOnly.FromDateTime(_time.ToLocal(Clock.GetUtcNow().UtcDateTime));
        _grid = CalendarGrid.For(CalendarView.Week, _today);
        _feedUrl = FeedUrl(await Feeds.TokenForAsync(_userId, CancellationToken.None));
        await LoadAsync();
    }

    private IEnumerable<CalendarEntry> EntriesOn(DateOnly day) =>
        _entries.Where(e => DateOnly.FromDateTime(_time!.ToLocal(e.StartUtc)) == day);

    /// <summary>Reads a day more on each side: the grid's days are the user's, and a zone's day is not UTC's.</summary>
    private async Task LoadAsync()
    {
        var from = _grid.First.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = _grid.Last.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _entries = await Sessions.ForUserAsync(_userId, from, to, CancellationToken.None);
    }

    private Task ShowAsync(CalendarView view) => MoveAsync(_grid with { View = view });

    private Task PreviousAsync() => MoveAsync(_grid.Previous());

    private Task NextAsync() => MoveAsync(_grid.Next());

    private Task TodayAsync() => MoveAsync(_grid with { Anchor = _today });

    private async Task MoveAsync(CalendarGrid grid)
    {
        _grid = grid;
        await LoadAsync();
    }

    private Task OnKeyDownAsync(KeyboardEventArgs key)
    {
        var rightToLeft = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
        return key.Key switch
        {
            "ArrowLeft" => rightToLeft ? NextAsync() : PreviousAsync(),
            "ArrowRight" => rightToLeft ? PreviousAsync() : NextAsync(),
            "Home" => TodayAsync(),
            _ => Task.CompletedTask,
        };
    }

    private async Task CopyAsync()
    {
        await JS.InvokeVoidAsync("navigator.clipboard.writeText", _feedUrl);
        Snackbar.Add(T["Subscribe.Copied"], Severity.Success);
    }

    private async Task RenewAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Subscribe.Renew"], T["Subscribe.RenewConfirm"], T["Subscribe.Renew"], cancelText: T["Subscribe.Keep"]);
        if (confirmed != true)
        {
            return;
        }
        _feedUrl = FeedUrl(await Feeds.RenewAsync(_userId, CancellationToken.None));
        Snackbar.Add(T["Subscribe.Renewed"], Severity.Success);
    }

    private string FeedUrl(string token) => CalendarFeedDto.For(new Uri(Navigation.BaseUri), token).Url.ToString();
}
