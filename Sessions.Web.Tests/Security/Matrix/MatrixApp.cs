using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security.Matrix;

/// <summary>
/// The app the matrix probes, and one person per role: each signed in twice, as the mobile apps are (a bearer token)
/// and as a browser is (the portal cookie). Classes and sessions are made fresh for every probe.
/// </summary>
public sealed class MatrixApp : IAsyncLifetime
{
    private readonly Dictionary<MatrixRole, HttpClient> _bearer = [];
    private readonly Dictionary<MatrixRole, PortalBrowser> _portal = [];
    private readonly Dictionary<MatrixRole, AppUser> _people = [];

    public SessionsAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var data = App.Data;
        _people[MatrixRole.EnrolledStudent] = await data.StudentAsync("Enrolled Student");
        _people[MatrixRole.OtherStudent] = await data.StudentAsync("Other Student");
        _people[MatrixRole.OwningEducator] = await data.EducatorAsync("Owning Educator");
        _people[MatrixRole.CoEducator] = await data.EducatorAsync("Co-Educator");
        _people[MatrixRole.OtherEducator] = await data.EducatorAsync("Other Educator");
        _people[MatrixRole.Admin] = await data.AdminAsync();
        _bearer[MatrixRole.Anonymous] = App.CreateClient();
        _portal[MatrixRole.Anonymous] = new PortalBrowser(App);
        foreach (var (role, person) in _people)
        {
            _bearer[role] = await data.ClientForAsync(person);
            _portal[role] = await PortalBrowser.SignedInAsync(App, person);
        }
        // The other student belongs to a class of the other educator, so neither is a stranger to the portal.
        await data.ClassAsync(_people[MatrixRole.OtherEducator], _people[MatrixRole.OtherStudent]);
    }

    public AppUser Person(MatrixRole role) => _people[role];

    public SessionActor Actor(MatrixRole role) => TestData.ActorFor(_people[role],
        role switch
        {
            MatrixRole.Admin => AppRoles.Admin,
            MatrixRole.OwningEducator or MatrixRole.CoEducator or MatrixRole.OtherEducator => AppRoles.Educator,
            _ => AppRoles.Student,
        });

    /// <summary>Sends the row's probe as the role, against a fresh scene.</summary>
    public async Task<HttpResponseMessage> ProbeAsync(MatrixRow row, MatrixRole role)
    {
        var scene = await ArrangeAsync(row.Probe.Need) with { Caller = role, CallerId = _people.GetValueOrDefault(role)?.Id };
        using var request = new HttpRequestMessage(new HttpMethod(row.Probe.Method), row.Probe.Path(scene));
        if (row.Probe.Body is { } body)
        {
            // JSON, unless the probe brings its own content (a multipart upload).
            request.Content = body(scene) as HttpContent ?? JsonContent.Create(body(scene));
        }
        if (row.Probe.ApiVersion is { } version)
        {
            request.Headers.Add("api-version", version);
        }
        if (row.Probe.SignsOut)
        {
            using var own = await OwnBrowserAsync(role);
            return await own.SendAsync(request);
        }
        return await SendAsync(role, row.Probe, request);
    }

    /// <summary>Sends as the role: with its bearer token, or as its signed-in browser.</summary>
    public Task<HttpResponseMessage> SendAsync(MatrixRole role, MatrixProbe probe, HttpRequestMessage request) =>
        probe.Portal ? _portal[role].SendAsync(request) : _bearer[role].SendAsync(request);

    /// <summary>A browser of its own for a probe that signs out, so that the role's shared one stays signed in.</summary>
    public async Task<PortalBrowser> OwnBrowserAsync(MatrixRole role) =>
        role == MatrixRole.Anonymous ? new PortalBrowser(App) : await PortalBrowser.SignedInAsync(App, _people[role]);

    /// <summary>
    /// A new class of the owning educator (the enrolled student and one more, and the co-educator) with a session as the probe needs it.
    /// </summary>
    public async Task<MatrixScene> ArrangeAsync(SessionNeed need)
    {
        var data = App.Data;
        // An educator runs one session at a time: what earlier probes left live ends first, before anyone listens.
        await EndLiveSessionsAsync(MatrixRole.OwningEducator);
        await EndLiveSessionsAsync(MatrixRole.OtherEducator);
        var (classId, sessionId, classmateId) = await ClassWithSessionAsync(MatrixRole.OwningEducator, MatrixRole.EnrolledStudent,
            need == SessionNeed.TomorrowInSeries ? SessionNeed.Tomorrow : need);
        await data.CoEducatorAsync(classId, _people[MatrixRole.CoEducator]);
        var (_, sentinelId, _) = await ClassWithSessionAsync(MatrixRole.OtherEducator, MatrixRole.OtherStudent, SessionNeed.StartableNow);
        return new MatrixScene(classId, sessionId, _people[MatrixRole.OwningEducator].Id, _people[MatrixRole.EnrolledStudent].Id,
            _people[MatrixRole.OtherStudent].Id, TestData.Iso(App.Time.GetUtcNow().AddDays(2)), sentinelId, classmateId,
            _people[MatrixRole.CoEducator].Id, _people[MatrixRole.OtherEducator].Id,
            SeriesId: need == SessionNeed.TomorrowInSeries ? await data.InSeriesAsync(sessionId) : null);
    }

    /// <summary>
    /// Starts the scene's sentinel: what the other educator and student hear next tells whether they heard a probe's event
    /// before it (one connection's messages arrive in order).
    /// </summary>
    public async Task StartSentinelAsync(MatrixScene scene) =>
        Assert.Null((await App.Services.GetRequiredService<SessionService>()
            .StartAsync(Actor(MatrixRole.OtherEducator), scene.SentinelSessionId, CancellationToken.None)).Error);

    private async Task<(int ClassId, Guid SessionId, string ClassmateId)> ClassWithSessionAsync(
        MatrixRole educatorRole, MatrixRole studentRole, SessionNeed need)
    {
        var data = App.Data;
        var classmate = await data.StudentAsync("Classmate");
        var schoolClass = await data.ClassAsync(_people[educatorRole], _people[studentRole], classmate);
        var session = await data.SessionAsync(schoolClass, startsIn: need == SessionNeed.Tomorrow ? TimeSpan.FromDays(1) : TimeSpan.Zero);
        var sessions = App.Services.GetRequiredService<SessionService>();
        if (need is SessionNeed.Live or SessionNeed.Completed)
        {
            Assert.Null((await sessions.StartAsync(Actor(educatorRole), session.Id, CancellationToken.None)).Error);
        }
        if (need == SessionNeed.Completed)
        {
            Assert.Null((await sessions.EndAsync(Actor(educatorRole), session.Id, CancellationToken.None)).Error);
        }
        return (schoolClass.Id, session.Id, classmate.Id);
    }

    private async Task EndLiveSessionsAsync(MatrixRole educatorRole)
    {
        var educator = Actor(educatorRole);
        await using var db = await App.Data.DbAsync();
        foreach (var live in await db.Sessions.Where(s => s.EducatorId == educator.UserId).Where(Session.IsLive).Select(s => s.Id).ToListAsync())
        {
            await App.Services.GetRequiredService<SessionService>().EndAsync(educator, live, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _bearer.Values)
        {
            client.Dispose();
        }
        foreach (var browser in _portal.Values)
        {
            browser.Dispose();
        }
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}
