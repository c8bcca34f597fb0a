using System.Net.Http.Json;
using System.Text.Json;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// The people of the crash test: several educators, each with a class of students and several sessions inside their
/// start window, so that an educator's sessions can race each other to go live. Seeded through the app's own services
/// (migrations, accounts, classes) before the portal process starts over the same file; signed in over HTTP as the
/// mobile apps do.
/// </summary>
internal static class CrashCast
{
    public const int Educators = 4;
    public const int StudentsPerClass = 3;
    public const int SessionsPerEducator = 6;

    public static async Task<IReadOnlyList<SeededClass>> SeedAsync(string databasePath)
    {
        var app = new SessionsAppFactory(TestDatabase.SqliteFile(databasePath), new Dictionary<string, string?>(), ownsDatabase: false);
        try
        {
            await app.InitializeAsync();
            var classes = new List<SeededClass>();
            for (var e = 0; e < Educators; e++)
            {
                classes.Add(await SeedClassAsync(app.Data, e));
            }
            return classes;
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    /// <summary>Everyone signs in at once; a refusal here is a broken set-up, not a finding.</summary>
    public static async Task<IReadOnlyList<CastClass>> SignInAsync(HttpClient portal, IReadOnlyList<SeededClass> classes) =>
        await Task.WhenAll(classes.Select(async seeded => new CastClass(
            seeded,
            await TokenAsync(portal, seeded.EducatorEmail),
            await Task.WhenAll(seeded.StudentEmails.Select(email => TokenAsync(portal, email))))));

    private static async Task<SeededClass> SeedClassAsync(TestData data, int number)
    {
        var educator = await data.EducatorAsync($"Crash teacher {number}");
        var students = new List<AppUser>();
        for (var s = 0; s < StudentsPerClass; s++)
        {
            students.Add(await data.StudentAsync($"Crash student {number}-{s}"));
        }
        var schoolClass = await data.ClassAsync(educator, [.. students]);
        var sessionIds = new List<Guid>();
        for (var n = 0; n < SessionsPerEducator; n++)
        {
            sessionIds.Add((await data.SessionAsync(schoolClass)).Id);
        }
        return new SeededClass(educator.Id, educator.Email!, schoolClass.Id, sessionIds, [.. students.Select(s => s.Email!)]);
    }

    private static async Task<string> TokenAsync(HttpClient portal, string email)
    {
        using var response = await portal.PostAsJsonAsync("/api/auth/login", new { email, password = TestData.Password });
        var body = await response.Content.ReadAsStringAsync();
        // Every account signs in from 127.0.0.1: should a sign-in limit per client refuse some (429), raise it in this
        // test's portal settings rather than retry.
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {email} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
