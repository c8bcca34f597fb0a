using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>What importing a row does (or did): the words the API and the preview use.</summary>
public static class ImportActions
{
    /// <summary>A new account (and, with a class code, its enrolment or co-teaching in that class).</summary>
    public const string Create = "create";

    /// <summary>An account, existing or created by an earlier row, is enrolled in the row's class.</summary>
    public const string Enrol = "enrol";

    /// <summary>An educator, existing or created by an earlier row, becomes a co-educator of the row's class.</summary>
    public const string AddCoEducator = "addCoEducator";

    /// <summary>Nothing to do: the account exists (it is left as it is) and is already in the class, if one is given.</summary>
    public const string Unchanged = "unchanged";
}

/// <summary>Whether a row's email is a new account or an existing one (which an import never modifies).</summary>
public static class ImportAccounts
{
    public const string New = "new";
    public const string Exists = "exists";
}

/// <summary>
/// One row of the file as read and judged: its row number (the header is row 1), its fields as given, whether its account
/// is new or exists and what importing it does (both null when it has errors), and every error it has.
/// </summary>
public sealed record ImportRow(
    int Row, string Email, string DisplayName, string Role, string ClassCode, string TimeZone, string? Account, string? Action,
    IReadOnlyList<FieldMessage> Errors);

/// <summary>The counts of an import: rows read, rows with errors, accounts created, enrolments and co-educators added, rows that change nothing.</summary>
public sealed record ImportSummary(int Rows, int Invalid, int Created, int Enrolled, int CoEducatorsAdded, int Unchanged);

/// <summary>A new account's set-password link, to hand to its owner.</summary>
public sealed record ImportedAccount(string Email, string DisplayName, SetPasswordLink Link);

/// <summary>
/// What an import found (a dry run) or did: every row, the counts, and (applied only) one set-password link per new account.
/// <see cref="Sha256"/> is the file's, as the audit trail records it.
/// </summary>
public sealed record ImportOutcome(
    bool DryRun, string Sha256, IReadOnlyList<ImportRow> Rows, ImportSummary Summary, IReadOnlyList<ImportedAccount> PasswordLinks);
