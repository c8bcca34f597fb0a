using System.Net;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>Only members of a class read it and its sessions.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class ClassAndSessionReadsTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task An_enrolled_student_reads_the_class_with_its_live_session()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var live = await _data.SessionAsync(schoolClass);
        var later = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(1));
        var calledOff = await _data.SessionAsync(schoolClass, startsIn: TimeSpan.FromDays(2));
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{live.Id}/start", null)).ShouldBeOkAsync();
        await (await teacher.PostAsync($"/api/sessions/{calledOff.Id}/cancel", null)).ShouldBeOkAsync();
        using var client = await _data.ClientForAsync(student);

        var reply = await (await client.GetAsync($"/api/classes/{schoolClass.Id}")).ShouldBeOkAsync();

        Assert.Equal(schoolClass.Name, reply.GetProperty("name").GetString());
        Assert.Equal(live.Id, reply.GetProperty("liveSession").GetProperty("id").GetGuid());
        Assert.Equal(later.Id, Assert.Single(reply.GetProperty("upcomingSessions").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(calledOff.Id, Assert.Single(reply.GetProperty("cancelledSessions").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_student_outside_the_class_is_refused_the_class_and_its_sessions()
    {
        var schoolClass = await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        var session = await _data.SessionAsync(schoolClass);
        using var outsider = await _data.ClientForAsync(await _data.StudentAsync());

        await (await outsider.GetAsync($"/api/classes/{schoolClass.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
        await (await outsider.GetAsync($"/api/sessions/{session.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_enrolled");
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        using var client = await _data.ClientForAsync(await _data.StudentAsync());

        await (await client.GetAsync("/api/classes/999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "class_not_found");
        await (await client.GetAsync($"/api/sessions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        await (await client.GetAsync("/api/sessions/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_session_list_holds_the_callers_own_or_enrolled_sessions_only()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var mine = await _data.SessionAsync(await _data.ClassAsync(educator, student));
        await _data.SessionAsync(await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync()));

        foreach (var user in new[] { educator, student })
        {
            using var client = await _data.ClientForAsync(user);
            var reply = await (await client.GetAsync("/api/sessions")).ShouldBeOkAsync();
            Assert.Equal(mine.Id, Assert.Single(reply.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=101")]
    [InlineData("?page=abc")]
    public async Task Paging_out_of_range_is_a_validation_problem(string query)
    {
        using var client = await _data.ClientForAsync(await _data.StudentAsync());

        await (await client.GetAsync($"/api/sessions{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
