using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Live;

namespace Sessions.Web.Features.Classes.Components;

/// <summary>
/// A student's classes, kept current while open: live badges follow the classes' sessions, and a roster change made
/// elsewhere (enrolled in a class, removed from one) reloads the list and what it listens to.
/// </summary>
public sealed partial class StudentClassesPage
{
    private List<StudentClass>? _classes;
    private IDisposable? _subscription;
    private IDisposable? _membership;
    private string _userId = "";

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ClassService Classes { get; set; } = default!;
    [Inject] private LiveSubscriptions Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _userId = SessionActor.From((await AuthenticationState).User).UserId;
        _classes = [.. await Classes.GetStudentClassesAsync(_userId, CancellationToken.None)];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_membership is null && _classes is not null)
        {
            // Watch first, then read again: a roster change made between the first read and now is not missed.
            _membership = Live.WatchMembership(_userId, change => _ = InvokeAsync(ReloadAsync));
            await ReloadAsync();
        }
    }

    /// <summary>Reads the classes again and listens to exactly those.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            var classes = await Classes.GetStudentClassesAsync(_userId, CancellationToken.None);
            _subscription?.Dispose();
            _classes = [.. classes];
            _subscription = Live.Subscribe(_userId, _classes.Select(c => LiveGroups.ForClass(c.Class.Id)),
                e => _ = InvokeAsync(() => Apply(e)),
                group => _ = InvokeAsync(() => Remove(group)));
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private void Apply(LiveEvent liveEvent)
    {
        var index = _classes!.FindIndex(c => c.Class.Id == liveEvent.ClassId);
        if (index < 0)
        {
            return;
        }
        _classes[index] = liveEvent switch
        {
            SessionStartedMessage started => _classes[index] with { LiveSessionId = started.SessionId },
            SessionEndedMessage ended when _classes[index].LiveSessionId == ended.SessionId => _classes[index] with { LiveSessionId = null },
            _ => _classes[index],
        };
        StateHasChanged();
    }

    /// <summary>Removed from a class while the page is open: it leaves the list at once (the reload that follows agrees).</summary>
    private void Remove(string group)
    {
        _classes!.RemoveAll(c => LiveGroups.ForClass(c.Class.Id) == group);
        StateHasChanged();
    }

    public void Dispose()
    {
        _membership?.Dispose();
        _subscription?.Dispose();
    }
}
