using System.Net.Http.Json;
using System.Text.Json;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Features.Ratings;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security;

/// <summary>
/// What the fuzzed requests act on: an educator with a class, and a session of its own for each endpoint that changes
/// one, so that one endpoint's valid mutations (a cancel, a start) do not turn another's into mere status refusals. Sign-in
/// is fuzzed on an account of its own, which the fuzzing may lock.
/// </summary>
public sealed class FuzzWorld : IDisposable
{
    private FuzzWorld(HttpClient anonymous, HttpClient educator, HttpClient admin, HttpClient rater)
    {
        Anonymous = anonymous;
        Educator = educator;
        Admin = admin;
        Rater = rater;
    }

    public HttpClient Anonymous { get; }
    public HttpClient Educator { get; }
    public HttpClient Admin { get; }

    /// <summary>A student who attended <see cref="SessionToRate"/>, completed, and has not rated it.</summary>
    public HttpClient Rater { get; }

    /// <summary>The account the administrative endpoints are fuzzed on.</summary>
    public string UserToEdit { get; private init; } = "";
    public string EducatorId { get; private init; } = "";

    /// <summary>A student in no class, whom the roster endpoints are fuzzed on.</summary>
    public string StudentToEnrol { get; private init; } = "";

    public string CoEducatorToAdd { get; private init; } = "";
    public string SignInEmail { get; private init; } = "";
    public int ClassId { get; private init; }
    public Guid SessionToStart { get; private init; }
    public Guid SessionToEdit { get; private init; }
    public Guid SessionToCancel { get; private init; }

    /// <summary>A live session of another educator's class, whose chat the admin writes to.</summary>
    public Guid SessionToChatIn { get; private init; }
    public Guid SessionToRate { get; private init; }

    /// <summary>A pending rating of <see cref="SessionToRate"/> by a classmate of the <see cref="Rater"/>, which the admin rejects.</summary>
    public Guid RatingToReject { get; private init; }

    public string RefreshToken { get; private init; } = "";
    public string RefreshTokenToRevoke { get; private init; } = "";

    /// <summary>A valid scheduled start: tomorrow, with an offset.</summary>
    public string Tomorrow { get; private init; } = "";
    public Guid SeriesSessionToEdit { get; private init; }
    public Guid SeriesToEdit { get; private init; }
    public Guid SeriesToCancel { get; private init; }

    public static async Task<FuzzWorld> CreateAsync(SessionsAppFactory app)
    {
        var data = app.Data;
        var educator = await data.EducatorAsync("Fuzzy Educator");
        var student = await data.StudentAsync();
        var schoolClass = await data.ClassAsync(educator, student);
        var rated = await RatingScene.CompletedAsync(app, attendees: 2);
        var seriesSessionToEdit = (await data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(4))).Id;
        using var toReject = await rated.RateAsync(app, rated.Attendees[1], RatingScene.Body());
        return new FuzzWorld(app.CreateClient(), await data.ClientForAsync(educator), await data.ClientForAsync(await data.AdminAsync()),
            await data.ClientForAsync(rated.Attendees[0]))
        {
            SessionToRate = rated.SessionId,
            RatingToReject = (await toReject.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            UserToEdit = (await data.StudentAsync("Fuzzy Student")).Id,
            EducatorId = educator.Id,
            StudentToEnrol = (await data.StudentAsync("Fuzzy Newcomer")).Id,
            CoEducatorToAdd = (await data.EducatorAsync("Fuzzy Co-Educator")).Id,
            SignInEmail = (await data.EducatorAsync("Fuzzy Sign-in")).Email!,
            ClassId = schoolClass.Id,
            SessionToStart = (await data.SessionAsync(schoolClass)).Id,
            SessionToEdit = (await data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(2))).Id,
            SessionToCancel = (await data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(3))).Id,
            Tomorrow = TestData.Iso(app.Time.GetUtcNow().AddDays(1)),
            SeriesSessionToEdit = seriesSessionToEdit,
            SeriesToEdit = await data.InSeriesAsync(seriesSessionToEdit),
            SeriesToCancel = await data.InSeriesAsync((await data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(5))).Id),
            SessionToChatIn = (await app.SessionInAsync(SessionStatus.InProgress)).Session.Id,
            RefreshToken = (await data.SignInAsync(student)).RefreshToken,
            RefreshTokenToRevoke = (await data.SignInAsync(student)).RefreshToken,
        };
    }

    public void Dispose()
    {
        Anonymous.Dispose();
        Educator.Dispose();
        Admin.Dispose();
        Rater.Dispose();
    }
}
