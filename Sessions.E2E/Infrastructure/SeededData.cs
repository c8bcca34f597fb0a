using Microsoft.AspNetCore.SignalR.Client;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sessions.E2E.Infrastructure;

/// <summary>The Development seed's accounts, and its session and class ids looked up through the API as the owner sees them.</summary>
public sealed class SeededData(Uri baseUrl)
{
    public const string Password = "Passw0rd!";
    public const string Teacher = "teacher@example.com";
    public const string Teacher2 = "teacher2@example.com";
    public const string Admin = "admin@example.com";

    /// <summary>The wall clock of the teacher and the students (DevelopmentSeed.DemoTimeZone).</summary>
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static string Student(int number) => $"student{number}@example.com";

    /// <summary>Finds a session by title among those <paramref name="email"/> can see (<c>GET /api/sessions</c>).</summary>
    public async Task<SeededSession> SessionAsync(string email, string title)
    {
        using var http = await ClientForAsync(email);
        using var response = await http.GetAsync(new Uri("/api/sessions?pageSize=100", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/sessions as {email}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        foreach (var session in json.RootElement.GetProperty("items").EnumerateArray())
        {
            if (session.GetProperty("title").GetString() == title)
            {
                var schoolClass = session.GetProperty("class");
                return new SeededSession(session.GetProperty("id").GetGuid(), schoolClass.GetProperty("id").GetInt32(),
                    schoolClass.GetProperty("name").GetString()!);
            }
        }
        throw new InvalidOperationException($"{email} has no session titled \"{title}\": {body}");
    }

    /// <summary>The session's wire status (<c>GET /api/sessions/{id}</c>), e.g. <c>scheduled</c> or <c>in_progress</c>.</summary>
    public async Task<string> StatusAsync(string email, Guid sessionId)
    {
        using var http = await ClientForAsync(email);
        using var response = await http.GetAsync(new Uri($"/api/sessions/{sessionId}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/sessions/{sessionId} as {email}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>Starts a session as its owner through the API (<c>POST /api/sessions/{id}/start</c>).</summary>
    public Task StartAsync(string email, Guid sessionId) => PostAsync(email, $"/api/sessions/{sessionId}/start");

    /// <summary>Ends a live session as its owner through the API (<c>POST /api/sessions/{id}/end</c>).</summary>
    public Task EndAsync(string email, Guid sessionId) => PostAsync(email, $"/api/sessions/{sessionId}/end");

    /// <summary>Adds a student to a class by email as its educator (<c>POST /api/classes/{id}/students</c>); already enrolled is fine.</summary>
    public async Task EnrolAsync(string educatorEmail, int classId, string studentEmail)
    {
        using var http = await ClientForAsync(educatorEmail);
        using var response = await http.PostAsJsonAsync(new Uri($"/api/classes/{classId}/students", UriKind.Relative), new { email = studentEmail });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/classes/{classId}/students as {educatorEmail}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task PostAsync(string email, string path)
    {
        using var http = await ClientForAsync(email);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A connection to the live hub as <paramref name="email"/>, as the mobile apps open it (not started).</summary>
    public async Task<HubConnection> HubConnectionAsync(string email)
    {
        using var http = await ClientForAsync(email);
        var token = http.DefaultRequestHeaders.Authorization!.Parameter;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/sessions"), options => options.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
    }

    private async Task<HttpClient> ClientForAsync(string email)
    {
        var http = new HttpClient { BaseAddress = baseUrl };
        try
        {
            using var login = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email, password = Password });
            var body = await login.Content.ReadAsStringAsync();
            Assert.True(login.IsSuccessStatusCode, $"POST /api/auth/login as {email}: {(int)login.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }
}

public sealed record SeededSession(Guid Id, int ClassId, string ClassName);
