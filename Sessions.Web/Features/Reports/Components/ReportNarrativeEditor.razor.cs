using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Sessions.Web.Components.Common;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Features.Reports.Components;

/// <summary>
/// Edits a report's <see cref="ReportNarrative"/>: the page passes the stored one (and a new one after each save, which
/// becomes the starting point again), whether a save is running, and the save's refusal; the editor raises
/// <see cref="OnSave"/> with the draft. Text over <see cref="ReportMarkdown.MaxLength"/> is marked and not sent.
/// </summary>
public sealed partial class ReportNarrativeEditor
{
    /// <summary>The fields as the API's refusal names them (<c>errors.summary</c>, <c>errors.recommendations</c>).</summary>
    public const string SummaryField = "summary";
    public const string RecommendationsField = "recommendations";

    private readonly NarrativeField[] _fields =
    [
        new(SummaryField, "Editor.Summary", TestIds.ReportSummaryInput),
        new(RecommendationsField, "Editor.Recommendations", TestIds.ReportRecommendationsInput),
    ];

    /// <summary>Counts in the thousands are read with the culture's group separator: "10,000".</summary>
    private const string Thousands = "#,0";

    private ReportNarrative? _shown;
    private bool _share;
    private bool _preview;
    private UserTime _userTime = new(TimeZoneInfo.Utc);

    [Parameter, EditorRequired] public ReportNarrative Narrative { get; set; } = ReportNarrative.Hidden;

    /// <summary>A save is running: the fields and the button wait.</summary>
    [Parameter] public bool Saving { get; set; }

    /// <summary>The last save's refusal (<c>FormErrors.Of(error, errorText)</c>), or none.</summary>
    [Parameter] public FormErrors Errors { get; set; } = FormErrors.None;

    [Parameter] public EventCallback<ReportNarrativeDraft> OnSave { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is not null)
        {
            _userTime = UserTime.For((await AuthenticationState).User);
        }
        if (!ReferenceEquals(Narrative, _shown))
        {
            // A narrative from the page (the first, or the one a save stored) is the new starting point.
            _shown = Narrative;
            _fields[0].Text = Narrative.Summary;
            _fields[1].Text = Narrative.Recommendations;
            _share = Narrative.ShareWithStudents;
        }
    }

    private ReportNarrativeDraft Draft => new(_fields[0].Text, _fields[1].Text, _share);

    private bool Unsaved => Draft != new ReportNarrativeDraft(Narrative.Summary, Narrative.Recommendations, Narrative.ShareWithStudents);

    private static int Length(NarrativeField field) => new StringInfo(field.Text).LengthInTextElements;

    private static bool TooLong(NarrativeField field) => Length(field) > ReportMarkdown.MaxLength;

    private bool AnyTooLong => _fields.Any(TooLong);

    private bool HasError(NarrativeField field) => TooLong(field) || Errors.Has(field.Name);

    private string? ErrorOf(NarrativeField field) =>
        TooLong(field) ? T["Editor.TooLong", Format.Number(ReportMarkdown.MaxLength, Thousands)] : Errors.For(field.Name);

    private string Counter(NarrativeField field) =>
        T["Editor.Counter", Format.Number(Length(field), Thousands), Format.Number(ReportMarkdown.MaxLength, Thousands)];

    private static string HintId(NarrativeField field) => $"report-hint-{field.Name}";

    private string SavedText => Narrative.UpdatedUtc is { } saved
        ? T["Editor.SavedBy", Format.DayAndTime(_userTime.ToLocal(saved)), Narrative.UpdatedByName ?? T["Common.None"]]
        : T["Editor.NeverSaved"];

    private static void Edit(NarrativeField field, string? text) => field.Text = text ?? "";

    private void TogglePreview(bool preview) => _preview = preview;

    private void ToggleShare(bool share) => _share = share;

    private Task SaveAsync() => Saving || AnyTooLong ? Task.CompletedTask : OnSave.InvokeAsync(Draft);

    /// <summary>One of the two texts: its name in the API's refusal, its label's key, its test id, and what is typed.</summary>
    private sealed class NarrativeField(string name, string labelKey, string testId)
    {
        public string Name { get; } = name;
        public string LabelKey { get; } = labelKey;
        public string TestId { get; } = testId;
        public string Text { get; set; } = "";
    }
}
