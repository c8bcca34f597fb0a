using Microsoft.AspNetCore.Components;
using MudBlazor;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions.Series;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Features.Sessions.Components;

public enum SessionDialogMode
{
    Schedule,
    StartNow,
    Edit,
}

/// <summary>
/// The session dialog: it saves through <see cref="SessionBookings"/> and stays open with the refusal (each invalid field
/// marked) until a save succeeds; it then closes with the session as saved.
/// </summary>
public sealed partial class SessionDialog
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true };

    private SessionForm _form = default!;
    private FormErrors _errors = FormErrors.None;
    private bool _busy;

    /// <summary>A series just booked whose sessions overlap others of the class: the dialog says so before it closes.</summary>
    private BookedSeries? _booked;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private SessionBookings Bookings { get; set; } = default!;
    [Inject] private SessionSeries Series { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ErrorText Errors { get; set; } = default!;

    [Parameter] public SessionDialogMode Mode { get; set; }

    /// <summary>The classes a new session may be for; the first is proposed.</summary>
    [Parameter] public IReadOnlyList<ClassSummary> Classes { get; set; } = [];

    /// <summary>The scheduled session being changed (<see cref="SessionDialogMode.Edit"/>).</summary>
    [Parameter] public SessionSummary? Editing { get; set; }

    [Parameter, EditorRequired] public SessionActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public UserTime UserTime { get; set; } = default!;

    /// <summary>Books a new session (or starts one now); answers it, or null when the educator closed the dialog.</summary>
    public static Task<SessionSummary?> NewAsync(IDialogService dialogs, bool startNow, IReadOnlyList<ClassSummary> classes,
        SessionActor actor, UserTime userTime) =>
        ShowAsync(dialogs, startNow ? "Start now" : "Schedule", new DialogParameters<SessionDialog>
        {
            { d => d.Mode, startNow ? SessionDialogMode.StartNow : SessionDialogMode.Schedule },
            { d => d.Classes, classes },
            { d => d.Actor, actor },
            { d => d.UserTime, userTime },
        });

    /// <summary>Changes a scheduled session; answers it as saved, or null when nothing was saved.</summary>
    public static Task<SessionSummary?> EditAsync(IDialogService dialogs, SessionSummary session, SessionActor actor, UserTime userTime) =>
        ShowAsync(dialogs, "Edit session", new DialogParameters<SessionDialog>
        {
            { d => d.Mode, SessionDialogMode.Edit },
            { d => d.Editing, session },
            { d => d.Actor, actor },
            { d => d.UserTime, userTime },
        });

    private static async Task<SessionSummary?> ShowAsync(IDialogService dialogs, string title, DialogParameters<SessionDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<SessionDialog>(title, parameters, Options);
        return await dialog.Result is { Canceled: false, Data: SessionSummary saved } ? saved : null;
    }

    private DateTime LocalNow => UserTime.ToLocal(Time.GetUtcNow().UtcDateTime);

    private string Heading => Mode switch
    {
        SessionDialogMode.StartNow => T["Form.HeadingStartNow"],
        SessionDialogMode.Edit => T["Card.EditSession"],
        _ => T["Form.HeadingSchedule"],
    };

    private string SubmitText => Mode switch
    {
        SessionDialogMode.StartNow => T["Dashboard.StartNow"],
        SessionDialogMode.Edit => T["Form.Save"],
        _ => T["Form.Schedule"],
    };

    /// <summary>The defaults of the chosen class, which the settings' "Class default (…)" choices show.</summary>
    private SessionSettings ClassDefaults => Editing?.ClassDefaults
        ?? Classes.FirstOrDefault(c => c.Id == _form.ClassId)?.SessionDefaults
        ?? SessionSettings.ClassDefaults;

    protected override void OnInitialized() =>
        _form = Editing is not null ? SessionForm.Of(Editing, UserTime) : SessionForm.Blank(Classes.Count > 0 ? Classes[0].Id : 0, LocalNow);

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var saved = await SaveAsync();
            _errors = FormErrors.Of(saved.Error, Errors);
            if (saved.Error is null && _booked is null)
            {
                Dialog.Close(DialogResult.Ok(saved.Value!));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Books the series; answers its first session, and keeps the series to show its overlaps, if any.</summary>
    private async Task<Result<SessionSummary>> BookSeriesAsync(NewSession first, WeeklyRecurrence rule)
    {
        var booked = await Series.CreateAsync(Actor, first, rule, CancellationToken.None);
        if (booked.Error is { } refused)
        {
            return refused;
        }
        _booked = booked.Value!.Overlaps.Count > 0 ? booked.Value : null;
        return booked.Value!.Occurrences[0];
    }

    private void CloseBooked() => Dialog.Close(DialogResult.Ok(_booked!.Occurrences[0]));

    private async Task<Result<SessionSummary>> SaveAsync()
    {
        switch (Mode)
        {
            case SessionDialogMode.StartNow:
                return await Bookings.CreateAsync(Actor, _form.ToNewSession(SessionType.Instant, null), CancellationToken.None);
            case SessionDialogMode.Schedule:
                var start = _form.StartUtc(UserTime);
                if (start.Error is { } invalidStart)
                {
                    return invalidStart;
                }
                var newSession = _form.ToNewSession(SessionType.Scheduled, start.Value);
                return _form.Recurrence is { } rule
                    ? await BookSeriesAsync(newSession, rule)
                    : await Bookings.CreateAsync(Actor, newSession, CancellationToken.None);
            default:
                var changes = _form.ChangesTo(Editing!, UserTime);
                return changes.Error is { } invalidChanges
                    ? invalidChanges
                    : await Bookings.UpdateAsync(Actor, Editing!.Id, changes.Value!, CancellationToken.None);
        }
    }
}
