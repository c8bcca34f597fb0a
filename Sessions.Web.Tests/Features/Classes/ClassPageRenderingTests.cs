using System.Net;
using System.Text.RegularExpressions;
using Sessions.Web.Components.Common;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Classes;

/// <summary>
/// A class page is served as a static page whose only interactive part is its live sessions: a waiting student's circuit
/// holds that part alone, not the layout, theme or heading.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class ClassPageRenderingTests(SessionsAppFactory app)
{
    private readonly TestData _data = app.Data;

    [Fact]
    public async Task The_heading_is_static_and_only_the_live_sessions_run_on_a_circuit()
    {
        var educator = await _data.EducatorAsync("Mr. Static");
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var live = await _data.SessionAsync(schoolClass);
        using var teacher = await _data.ClientForAsync(educator);
        await (await teacher.PostAsync($"/api/sessions/{live.Id}/start", null)).ShouldBeOkAsync();
        using var client = await _data.ClientForAsync(student);

        using var response = await client.GetAsync($"/classes/{schoolClass.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var circuitParts = ServerComponentMarker().Matches(html);
        Assert.Single(circuitParts);
        var heading = html.IndexOf($">{schoolClass.Name}</h1>", StringComparison.Ordinal);
        Assert.InRange(heading, 0, circuitParts[0].Index);
        var joinCard = html.IndexOf($"data-testid=\"{TestIds.JoinCard(live.Id)}\"", StringComparison.Ordinal);
        Assert.True(joinCard > circuitParts[0].Index, "the prerendered join card belongs to the interactive part");
    }

    [Fact]
    public async Task The_roster_is_linked_for_the_classs_educator_and_admins_not_for_its_students()
    {
        var educator = await _data.EducatorAsync();
        var student = await _data.StudentAsync();
        var schoolClass = await _data.ClassAsync(educator, student);
        var link = $"data-testid=\"{TestIds.ClassRoster(schoolClass.Id)}\"";

        foreach (var (user, linked) in new[] { (educator, true), (await _data.AdminAsync(), true), (student, false) })
        {
            using var client = await _data.ClientForAsync(user);
            var html = await (await client.GetAsync($"/classes/{schoolClass.Id}")).Content.ReadAsStringAsync();
            Assert.True(html.Contains(link, StringComparison.Ordinal) == linked, $"{user.DisplayName}: link expected {linked}");
        }
    }

    [Fact]
    public async Task A_student_of_another_class_gets_a_403_page_and_no_circuit()
    {
        var schoolClass = await _data.ClassAsync(await _data.EducatorAsync(), await _data.StudentAsync());
        using var outsider = await _data.ClientForAsync(await _data.StudentAsync());

        using var response = await outsider.GetAsync($"/classes/{schoolClass.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"{TestIds.Forbidden}\"", html, StringComparison.Ordinal);
        Assert.Empty(ServerComponentMarker().Matches(html));
    }

    /// <summary>Where Blazor starts an interactive server component in the page (its prerendered content follows).</summary>
    [GeneratedRegex("""<!--Blazor:\{[^>]*"type":"server""")]
    private static partial Regex ServerComponentMarker();
}
