using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Tests.Infrastructure;

/// <summary>Each test builds its own people, classes and sessions (fresh ids), so tests share the app but not their data.</summary>
public sealed class TestData(SessionsAppFactory app)
{
    public const string Password = "Passw0rd!";

    public Task<AppUser> EducatorAsync(string name = "Ms. Test") => UserAsync(AppRoles.Educator, name);

    public Task<AppUser> StudentAsync(string name = "Student") => UserAsync(AppRoles.Student, name);

    public Task<AppUser> AdminAsync() => UserAsync(AppRoles.Admin, "Admin");

    public async Task<AppUser> UserAsync(string role, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        return await accounts.CreateAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example", name, "Europe/Paris", Password, role);
    }

    public async Task<SchoolClass> ClassAsync(AppUser educator, params AppUser[] students)
    {
        var schoolClass = new SchoolClass
        {
            Name = $"Class {Guid.NewGuid():N}"[..16],
            Code = $"T{Guid.NewGuid():N}"[..16].ToUpperInvariant(),
            Subject = "Mathematics",
            EducatorId = educator.Id,
            Enrollments = [.. students.Select(s => new Enrollment { StudentId = s.Id })],
        };
        await using var db = await DbAsync();
        db.Classes.Add(schoolClass);
        await db.SaveChangesAsync();
        return schoolClass;
    }

    /// <summary>Makes <paramref name="educator"/> a co-educator of the class (as the roster import does: a row, nothing else).</summary>
    public async Task CoEducatorAsync(int classId, AppUser educator)
    {
        await using var db = await DbAsync();
        db.ClassCoEducators.Add(new ClassCoEducator { ClassId = classId, EducatorId = educator.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>A scheduled session starting <paramref name="startsIn"/> from the app's (fake) now.</summary>
    public async Task<Session> SessionAsync(SchoolClass schoolClass, TimeSpan startsIn = default, int durationMinutes = 60)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var session = Session.Create(schoolClass.Id, schoolClass.EducatorId, SessionType.Scheduled, "Fractions", null,
            now + startsIn, durationMinutes, now);
        await using var db = await DbAsync();
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>Makes the session the one session of a new weekly series (as booking a series with a count of 1 would); answers its id.</summary>
    public async Task<Guid> InSeriesAsync(Guid sessionId)
    {
        var seriesId = Guid.CreateVersion7();
        await using var db = await DbAsync();
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.SeriesId, seriesId));
        return seriesId;
    }

    public async Task<Session> ReloadAsync(Guid sessionId)
    {
        await using var db = await DbAsync();
        return await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    public async Task<SessionsDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync();

    /// <summary>An HTTP client signed in the way the mobile apps are: a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> ClientForAsync(AppUser user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(user));
        return client;
    }

    public async Task<string> TokenForAsync(AppUser user) => (await SignInAsync(user)).AccessToken;

    /// <summary>Signs in as an app does (<c>POST /api/auth/login</c>): a bearer token and a refresh token.</summary>
    public async Task<SignedIn> SignInAsync(AppUser user)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedIn>())!;
    }

    /// <summary>An instant as the API reads it: ISO 8601 with its offset.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static SessionActor ActorFor(AppUser user, string role) =>
        new(user.Id, role == AppRoles.Admin, role == AppRoles.Educator);

    public sealed record SignedIn(string AccessToken, string RefreshToken);
}
