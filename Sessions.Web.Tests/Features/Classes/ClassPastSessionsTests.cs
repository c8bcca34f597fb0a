using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Classes;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>A class's past sessions (<see cref="ClassPastSessions"/>): completed ones only, newest first, for those who teach the class.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassPastSessionsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_completed_sessions_come_newest_first_with_who_attended_of_the_class()
    {
        var educator = await _data.EducatorAsync();
        var (amira, ben) = (await _data.StudentAsync("Amira"), await _data.StudentAsync("Ben"));
        var schoolClass = await _data.ClassAsync(educator, amira, ben);
        var older = await PastSessionScene.CompletedAsync(app, schoolClass, "Older", TimeSpan.FromDays(2), amira, ben);
        var newer = await PastSessionScene.CompletedAsync(app, schoolClass, "Newer", TimeSpan.FromHours(1), amira);
        await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromHours(3));

        var page = await ListAsync(educator, AppRoles.Educator, schoolClass.Id);

        Assert.Equal(2, page.Value!.TotalCount);
        Assert.Equal([(newer, "Newer", 1, 2), (older, "Older", 2, 2)], page.Value.Items.Select(s => (s.Id, s.Title, s.Attended, s.Enrolled)));
        Assert.Equal(TimeSpan.FromMinutes(45), page.Value.Items[0].Duration);
    }

    [Fact]
    public async Task Co_educators_and_admins_read_them_and_students_and_other_educators_are_refused()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var coEducator = await _data.EducatorAsync("Co");
        await _data.CoEducatorAsync(schoolClass.Id, coEducator);
        await PastSessionScene.CompletedAsync(app, schoolClass, "Held", TimeSpan.FromHours(2), student);

        Assert.Equal(1, (await ListAsync(coEducator, AppRoles.Educator, schoolClass.Id)).Value!.TotalCount);
        Assert.Equal(1, (await ListAsync(await _data.AdminAsync(), AppRoles.Admin, schoolClass.Id)).Value!.TotalCount);
        Assert.Equal(ClassErrors.NotOwner.Code, (await ListAsync(student, AppRoles.Student, schoolClass.Id)).Error!.Code);
        Assert.Equal(ClassErrors.NotOwner.Code, (await ListAsync(await _data.EducatorAsync("Other"), AppRoles.Educator, schoolClass.Id)).Error!.Code);
        Assert.Equal(ClassErrors.NotFound.Code, (await ListAsync(educator, AppRoles.Educator, int.MaxValue)).Error!.Code);
    }

    private Task<Result<PastSessionPage>> ListAsync(AppUser user, string role, int classId) =>
        app.Services.GetRequiredService<ClassPastSessions>()
            .ListAsync(TestData.ActorFor(user, role), classId, new PageRequest(1, ClassPastSessions.PageSize), CancellationToken.None);
}
