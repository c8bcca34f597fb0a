using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Live;
using Sessions.Web.Infrastructure.Data;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Features.Administration.Importing;

/// <summary>
/// An administrator's roster import: a CSV of <c>email,displayName,role,classCode,timeZone</c> (see <see cref="RosterColumns"/>)
/// becomes accounts, enrolments and co-educators. Every row is judged before anything is written; a dry run stops there.
/// Applying writes everything in one transaction with one audit entry, or nothing when any row has an error. Existing
/// accounts (matched by normalized email) are never modified, only enrolled or made co-educators, so importing a file
/// again changes nothing. The API and the import page both call it.
/// </summary>
public sealed partial class RosterImport(
    IDbContextFactory<SessionsDbContext> dbFactory,
    ILookupNormalizer normalizer,
    SetPasswordLinks links,
    AuditTrail audit,
    LiveBroadcaster live,
    ILogger<RosterImport> logger)
{
    /// <summary>At most 5 MB, 10,000 rows after the header, and 1,000 bytes in a field.</summary>
    public static readonly CsvLimits Limits = new(5 * 1024 * 1024, 10_000, 1_000);

    private const int MaxAttempts = 5;
    private static readonly string StudentRoleId = AppRoles.IdOf(AppRoles.Student);
    private static readonly string EducatorRoleId = AppRoles.IdOf(AppRoles.Educator);

    /// <summary>Reads and judges the file and writes nothing.</summary>
    public Task<Result<ImportOutcome>> PreviewAsync(Stream csv, CancellationToken ct) => ImportAsync(null, csv, dryRun: true, ct);

    /// <summary>
    /// Reads and judges the file; unless <paramref name="dryRun"/>, applies it (or answers <c>invalid_rows</c> and writes
    /// nothing). <paramref name="actorId"/> is the acting administrator.
    /// </summary>
    public async Task<Result<ImportOutcome>> ImportAsync(string? actorId, Stream csv, bool dryRun, CancellationToken ct)
    {
        var read = await CsvReader.ReadAsync(csv, Limits, ct, RosterColumns.CheckHeader);
        if (read.Error is { } unreadable)
        {
            return unreadable;
        }
        var roster = RosterColumns.Read(read.Value!);
        if (roster.Error is { } notARoster)
        {
            return notARoster;
        }
        var sha256 = read.Value!.Sha256;
        if (dryRun)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var plan = await PlanAsync(db, roster.Value!, ct);
            return new ImportOutcome(true, sha256, plan.Rows, plan.Summary, []);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyAsync(actorId, sha256, roster.Value!, ct);
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception) && attempt < MaxAttempts)
            {
                // A racing import or create took one of the emails, or a drawn RTC uid was taken: judge the file again.
                LogRetried(logger, attempt);
            }
        }
    }

    private async Task<Result<ImportOutcome>> ApplyAsync(string? actorId, string sha256, IReadOnlyList<RosterLine> roster, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Plan? applied = null;
        var outcome = await ResilientTransaction.ExecuteAsync<Result<Plan>>(db, async () =>
        {
            db.ChangeTracker.Clear();
            var plan = applied = await PlanAsync(db, roster, ct);
            if (plan.Summary.Invalid > 0)
            {
                return ImportErrors.InvalidRows([.. plan.Rows.Where(r => r.Errors.Count > 0)]);
            }
            if (plan.ChangesAnything)
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false; // thousands of new rows: nothing tracked changes after it is added
                db.Users.AddRange(plan.NewUsers);
                db.UserRoles.AddRange(plan.NewRoles);
                db.Enrollments.AddRange(plan.NewEnrollments);
                db.ClassCoEducators.AddRange(plan.NewCoEducators);
                audit.Record(db, actorId, AuditActions.RosterImported, sha256, before: null,
                    after: new { file = new { sha256, rows = plan.Summary.Rows }, plan.Summary });
            }
            return plan;
        }, keep: result => result.Error is null, afterCommit: async () =>
        {
            // New accounts have no connections yet; existing students hear of their new class at once.
            foreach (var (studentId, classId) in applied!.EnrolledExisting)
            {
                await live.MembershipChangedAsync(studentId, classId, enrolled: true, ct);
            }
        }, ct);
        if (outcome.Error is { } refused)
        {
            return refused;
        }
        var done = outcome.Value!;
        if (done.ChangesAnything)
        {
            LogImported(logger, actorId, sha256, done.Summary.Created, done.Summary.Enrolled, done.Summary.CoEducatorsAdded, done.Summary.Unchanged);
        }
        var passwordLinks = done.NewUsers.ConvertAll(u => new ImportedAccount(u.Email!, u.DisplayName, links.Issue(u.Id, u.SecurityStamp!)));
        return new ImportOutcome(false, sha256, done.Rows, done.Summary, passwordLinks);
    }

    /// <summary>Judges every row against the file and the database, and works out the rows a clean file adds.</summary>
    private async Task<Plan> PlanAsync(SessionsDbContext db, IReadOnlyList<RosterLine> roster, CancellationToken ct)
    {
        var world = await World.ReadAsync(db, roster, NormalizedEmail, ct);
        var plan = new Plan();
        var firstOfPair = new Dictionary<(string Email, string Code), int>();
        var firstOfEmail = new Dictionary<string, (RosterLine Line, string? Role)>(StringComparer.Ordinal);
        var created = new Dictionary<string, AppUser>(StringComparer.Ordinal);
        var uids = new HashSet<long>();
        foreach (var line in roster)
        {
            var emailErrors = new FieldErrors();
            UserFields.CheckEmail(emailErrors, line.Email);
            var fieldErrors = new FieldErrors();
            UserFields.DisplayName.Check(fieldErrors, line.DisplayName);
            UserFields.CheckTimeZone(fieldErrors, line.TimeZone);
            var problems = emailErrors.Messages.Concat(fieldErrors.Messages).ToList();
            var role = RoleOf(line.Role, problems);
            var schoolClass = world.ClassOf(line.ClassCode, problems);
            var email = emailErrors.Any ? null : NormalizedEmail(line.Email);
            var existing = email is null ? null : world.AccountOf(email);
            if (email is not null)
            {
                var pair = (email, ClassCode.Normalize(line.ClassCode));
                if (!firstOfPair.TryAdd(pair, line.Row))
                {
                    problems.Add(FieldMessage.Of("import_repeated_row", $"Repeats row {firstOfPair[pair]}: the same email and class.", ("row", firstOfPair[pair])));
                }
                if (!firstOfEmail.TryAdd(email, (line, role)) && Difference(firstOfEmail[email], line, role) is { } differs)
                {
                    problems.Add(FieldMessage.Of("import_differing_row", $"Row {firstOfEmail[email].Line.Row} gives this email a different {differs}.", ("row", firstOfEmail[email].Line.Row)));
                }
                if (existing is not null && role is not null && !existing.RoleIds.Contains(AppRoles.IdOf(role)))
                {
                    problems.Add(FieldMessage.Of("import_other_role", $"An account with this email exists as {Describe(existing.RoleIds)}; an import does not change roles."));
                }
            }
            if (problems.Count > 0)
            {
                plan.Rows.Add(Row(line, null, null, problems));
                continue;
            }
            var account = existing is null ? ImportAccounts.New : ImportAccounts.Exists;
            var isNew = false;
            string userId;
            if (existing is not null)
            {
                userId = existing.Id;
            }
            else if (created.TryGetValue(email!, out var earlier))
            {
                userId = earlier.Id;
            }
            else
            {
                var user = UserAdministration.NewAccount(line.Email, email!, TextRule.Tidy(line.DisplayName)!, line.TimeZone);
                while (!uids.Add(user.RtcUid))
                {
                    user.RtcUid = RandomNumberGenerator.GetInt32(1, int.MaxValue);
                }
                created[email!] = user;
                plan.NewUsers.Add(user);
                plan.NewRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = AppRoles.IdOf(role!) });
                (userId, isNew) = (user.Id, true);
            }
            var joined = schoolClass is not null && Join(plan, world, schoolClass, userId, role!, existing is not null);
            var action = isNew ? ImportActions.Create
                : !joined ? ImportActions.Unchanged
                : role == AppRoles.Student ? ImportActions.Enrol
                : ImportActions.AddCoEducator;
            plan.Rows.Add(Row(line, account, action, []));
        }
        return plan;
    }

    /// <summary>Adds the account to the class (a student's enrolment, an educator's co-teaching) unless it is already in it.</summary>
    private static bool Join(Plan plan, World world, ClassFacts schoolClass, string userId, string role, bool existing)
    {
        if (!world.Joined.Add((schoolClass.Id, userId)) || (role == AppRoles.Educator && schoolClass.EducatorId == userId))
        {
            return false;
        }
        if (role == AppRoles.Student)
        {
            plan.NewEnrollments.Add(new Enrollment { ClassId = schoolClass.Id, StudentId = userId });
            if (existing)
            {
                plan.EnrolledExisting.Add((userId, schoolClass.Id));
            }
        }
        else
        {
            plan.NewCoEducators.Add(new ClassCoEducator { ClassId = schoolClass.Id, EducatorId = userId });
        }
        return true;
    }

    private string? NormalizedEmail(string email) => normalizer.NormalizeEmail(email);

    /// <summary>Students and educators only: administrators are made one at a time, on the accounts page.</summary>
    private static string? RoleOf(string text, List<FieldMessage> problems)
    {
        if (string.Equals(text, AppRoles.Student, StringComparison.OrdinalIgnoreCase))
        {
            return AppRoles.Student;
        }
        if (string.Equals(text, AppRoles.Educator, StringComparison.OrdinalIgnoreCase))
        {
            return AppRoles.Educator;
        }
        problems.Add(string.Equals(text, AppRoles.Admin, StringComparison.OrdinalIgnoreCase)
            ? FieldMessage.Of("import_admin_role", "Administrators are not imported: create them one at a time on the accounts page.")
            : FieldMessage.Of("import_unknown_role", "The role must be Student or Educator."));
        return null;
    }

    /// <summary>What a later row of the same email gives differently from its first row, if anything.</summary>
    private static string? Difference((RosterLine Line, string? Role) first, RosterLine line, string? role)
    {
        var differs = new List<string>();
        if (!string.Equals(TextRule.Tidy(first.Line.DisplayName), TextRule.Tidy(line.DisplayName), StringComparison.Ordinal))
        {
            differs.Add("display name");
        }
        if (!string.Equals(first.Role, role, StringComparison.Ordinal))
        {
            differs.Add("role");
        }
        if (!string.Equals(first.Line.TimeZone, line.TimeZone, StringComparison.Ordinal))
        {
            differs.Add("time zone");
        }
        return differs.Count == 0 ? null : string.Join(", ", differs);
    }

    private static string Describe(IReadOnlyCollection<string> roleIds) =>
        roleIds.Count == 0 ? "an account without a role"
            : string.Join(" and ", AppRoles.All.Where(r => roleIds.Contains(AppRoles.IdOf(r))));

    private static ImportRow Row(RosterLine line, string? account, string? action, IReadOnlyList<FieldMessage> errors) =>
        new(line.Row, line.Email, line.DisplayName, line.Role, line.ClassCode, line.TimeZone, account, action, errors);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Roster {Sha256} imported by {ActorId}: {Created} accounts created, {Enrolled} enrolments, {CoEducators} co-educators, {Unchanged} rows unchanged")]
    private static partial void LogImported(ILogger logger, string? actorId, string sha256, int created, int enrolled, int coEducators, int unchanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import attempt {Attempt} met a unique index; judging the file again")]
    private static partial void LogRetried(ILogger logger, int attempt);

    /// <summary>The rows an import adds, and its rows as judged.</summary>
    private sealed class Plan
    {
        public List<ImportRow> Rows { get; } = [];
        public List<AppUser> NewUsers { get; } = [];
        public List<IdentityUserRole<string>> NewRoles { get; } = [];
        public List<Enrollment> NewEnrollments { get; } = [];
        public List<ClassCoEducator> NewCoEducators { get; } = [];
        public List<(string StudentId, int ClassId)> EnrolledExisting { get; } = [];

        public bool ChangesAnything => NewUsers.Count + NewEnrollments.Count + NewCoEducators.Count > 0;

        public ImportSummary Summary => new(Rows.Count, Rows.Count(r => r.Errors.Count > 0), NewUsers.Count, NewEnrollments.Count,
            NewCoEducators.Count, Rows.Count(r => r.Action == ImportActions.Unchanged));
    }

    private sealed record ClassFacts(int Id, string Code, string EducatorId, bool Archived);

    private sealed record AccountFacts(string Id, IReadOnlyCollection<string> RoleIds);

    /// <summary>What the database holds about the file's emails and classes, read in a few queries.</summary>
    private sealed class World
    {
        private Dictionary<string, ClassFacts> _classes = [];
        private Dictionary<string, AccountFacts> _accounts = [];

        /// <summary>(class, account) pairs already in the class: enrolled, owning or co-teaching; the plan adds its own.</summary>
        public HashSet<(int ClassId, string UserId)> Joined { get; private set; } = [];

        public static async Task<World> ReadAsync(SessionsDbContext db, IReadOnlyList<RosterLine> roster, Func<string, string?> normalize,
            CancellationToken ct)
        {
            // Only what passed its rule reaches the database (PostgreSQL refuses a NUL in text outright).
            var emails = roster.Where(l => IsEmail(l.Email)).Select(l => normalize(l.Email)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var codes = roster.Select(l => l.ClassCode).Where(IsWellFormed).Select(ClassCode.Normalize).Distinct(StringComparer.Ordinal).ToList();
            var classes = await db.Classes.AsNoTracking().Where(c => codes.Contains(c.Code))
                .Select(c => new ClassFacts(c.Id, c.Code, c.EducatorId, c.ArchivedUtc != null)).ToListAsync(ct);
            var users = await db.Users.AsNoTracking()
                .Where(u => emails.Contains(u.NormalizedEmail!) || emails.Contains(u.NormalizedUserName!))
                .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(ct);
            var userIds = users.ConvertAll(u => u.Id);
            var classIds = classes.ConvertAll(c => c.Id);
            var roles = (await db.UserRoles.Where(r => userIds.Contains(r.UserId)).Select(r => new { r.UserId, r.RoleId }).ToListAsync(ct))
                .ToLookup(r => r.UserId, r => r.RoleId, StringComparer.Ordinal);
            var enrolled = await db.Enrollments.Where(e => classIds.Contains(e.ClassId) && userIds.Contains(e.StudentId))
                .Select(e => new { e.ClassId, UserId = e.StudentId }).ToListAsync(ct);
            var coTeaching = await db.ClassCoEducators.Where(e => classIds.Contains(e.ClassId) && userIds.Contains(e.EducatorId))
                .Select(e => new { e.ClassId, UserId = e.EducatorId }).ToListAsync(ct);
            var accounts = new Dictionary<string, AccountFacts>(StringComparer.Ordinal);
            foreach (var user in users)
            {
                var facts = new AccountFacts(user.Id, [.. roles[user.Id]]);
                foreach (var key in new[] { user.NormalizedEmail, user.NormalizedUserName }.OfType<string>())
                {
                    accounts.TryAdd(key, facts);
                }
            }
            return new World
            {
                _classes = classes.ToDictionary(c => c.Code, StringComparer.Ordinal),
                _accounts = accounts,
                Joined = [.. enrolled.Concat(coTeaching).Select(j => (j.ClassId, j.UserId))],
            };
        }

        public AccountFacts? AccountOf(string normalizedEmail) => _accounts.GetValueOrDefault(normalizedEmail);

        /// <summary>The class a row names, if it names one that takes members; otherwise adds why not.</summary>
        public ClassFacts? ClassOf(string code, List<FieldMessage> problems)
        {
            if (code.Length == 0)
            {
                return null;
            }
            if (!IsWellFormed(code))
            {
                var errors = new FieldErrors();
                ClassCode.Check(errors, code);
                problems.AddRange(errors.Messages);
                return null;
            }
            if (!_classes.TryGetValue(ClassCode.Normalize(code), out var found))
            {
                problems.Add(FieldMessage.Of("import_unknown_class", $"There is no class with the code {code}.", ("code", code)));
                return null;
            }
            if (found.Archived)
            {
                problems.Add(FieldMessage.Of("import_archived_class", $"The class {found.Code} is archived: it takes no new members.", ("code", found.Code)));
                return null;
            }
            return found;
        }

        private static bool IsEmail(string email)
        {
            var errors = new FieldErrors();
            UserFields.CheckEmail(errors, email);
            return !errors.Any;
        }

        private static bool IsWellFormed(string code)
        {
            var errors = new FieldErrors();
            ClassCode.Check(errors, code);
            return code.Length > 0 && !errors.Any;
        }
    }
}
