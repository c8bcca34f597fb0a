using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Importing.Components;

/// <summary>
/// Choose a roster file, see every row judged (a dry run of <see cref="RosterImport"/>), apply it when no row has an error,
/// then download the new accounts' set-password links. The file is kept in memory between preview and apply, and judged
/// again when applied.
/// </summary>
public sealed partial class AdminImportPage
{
    private string _actorId = "";
    private string? _fileName;
    private byte[]? _file;
    private ImportOutcome? _preview;
    private ImportOutcome? _applied;
    private ServiceError? _error;
    private string? _linksDownload;
    private bool _busy;
    private bool _errorsOnly;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private RosterImport Import { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private static long MaxMegabytes => RosterImport.Limits.MaxBytes / (1024 * 1024);

    private bool CanApply => !_busy && _preview is { Summary.Invalid: 0, Summary.Rows: > 0 };

    private IEnumerable<ImportRow> ShownRows => _errorsOnly ? _preview!.Rows.Where(r => r.Errors.Count > 0) : _preview!.Rows;

    protected override async Task OnInitializedAsync() => _actorId = SessionActor.From((await AuthenticationState).User).UserId;

    private async Task PreviewAsync(InputFileChangeEventArgs chosen)
    {
        (_preview, _applied, _error, _file, _fileName, _busy) = (null, null, null, null, chosen.File.Name, true);
        try
        {
            if (chosen.File.Size > RosterImport.Limits.MaxBytes)
            {
                _error = ImportErrors.FileTooLarge(RosterImport.Limits.MaxBytes);
                return;
            }
            using var copy = new MemoryStream();
            await using (var upload = chosen.File.OpenReadStream(RosterImport.Limits.MaxBytes))
            {
                await upload.CopyToAsync(copy);
            }
            _file = copy.ToArray();
            Show(await Import.PreviewAsync(new MemoryStream(_file), CancellationToken.None));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (_file is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Import.ImportAsync(_actorId, new MemoryStream(_file), dryRun: false, CancellationToken.None);
            if (result.Value is { } applied)
            {
                _applied = applied;
                _linksDownload = PasswordLinksCsv.DataUrl(PasswordLinksCsv.Build(applied.PasswordLinks, p => Navigation.ToAbsoluteUri(p).ToString()));
                return;
            }
            // The school changed since the preview (a class archived, an account created): show the file as it now stands.
            var refusal = result.Error!;
            Show(await Import.PreviewAsync(new MemoryStream(_file), CancellationToken.None));
            _error = refusal;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(Result<ImportOutcome> preview)
    {
        _preview = preview.Value;
        _error = preview.Error;
        _errorsOnly = preview.Value is { Summary.Invalid: > 0 };
    }

    private string SummaryText(ImportSummary summary) => T["Import.Summary", Format.Number(summary.Rows), Format.Number(summary.Invalid),
        Format.Number(summary.Created), Format.Number(summary.Enrolled), Format.Number(summary.CoEducatorsAdded), Format.Number(summary.Unchanged)];

    private string ResultText(ImportSummary summary) => T["Import.Result", _fileName ?? "", Format.Number(summary.Created),
        Format.Number(summary.Enrolled), Format.Number(summary.CoEducatorsAdded), Format.Number(summary.Unchanged)];

    private string Describe(ImportRow row) => row.Action switch
    {
        ImportActions.Create => string.IsNullOrEmpty(row.ClassCode) ? T["Import.NewAccount"] : T["Import.NewAccountIn", row.ClassCode],
        ImportActions.Enrol => T["Import.EnrolledIn", Exists(row), row.ClassCode],
        ImportActions.AddCoEducator => T["Import.CoEducatorOf", Exists(row), row.ClassCode],
        _ => row.Account == ImportAccounts.Exists ? T["Import.ExistsUnchanged"] : T["Import.Unchanged"],
    };

    private string Exists(ImportRow row) => row.Account == ImportAccounts.Exists ? T["Import.Exists"] : T["Import.NewAbove"];
}
