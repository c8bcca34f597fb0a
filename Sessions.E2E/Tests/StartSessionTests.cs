using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>An educator starts a seeded session; the class's students see it live, everyone else does not.</summary>
[Collection(LiveAppGroup.Name)]
public sealed class StartSessionTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";

    /// <summary>A window variable that a reload or a full navigation would wipe.</summary>
    private const string NoReloadMarker = "window.__noReload";


    [Fact]
    public async Task Starting_a_session_shows_the_join_card_live_to_its_class_only()
    {
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        var biology = await Seed.SessionAsync(SeededData.Teacher, "Cell structure");

        // Students first, with their circuits up, so the start can only reach them as a live event.
        var student1Tab = await SignInAsync(SeededData.Student(1), StudentLanding);
        var student1 = new ClassPage(student1Tab);
        Assert.Equal(200, await student1.GotoAsync(linearEquations.ClassId));
        await Expect(student1.JoinCard(linearEquations.Id)).ToHaveCountAsync(0);
        await student1Tab.EvaluateAsync($"() => {{ {NoReloadMarker} = true; }}");

        var student9Tab = await SignInAsync(SeededData.Student(9), StudentLanding);
        var student9 = new ClassPage(student9Tab);
        // From the class list, an interactive page, to the class page, a static page with a live part: a full page load.
        await student9Tab.GetByTestId(TestIds.OpenClass(biology.ClassId)).ClickAsync();
        await Expect(student9.LiveUpdates).ToBeVisibleAsync();
        Assert.Equal(ClassPage.PathOf(biology.ClassId), new Uri(student9Tab.Url).AbsolutePath);

        var educatorTab = await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path);
        var educator = new EducatorSessionsPage(educatorTab);
        await educator.WaitUntilInteractiveAsync();
        await Expect(educator.Status(linearEquations.Id)).Not.ToHaveTextAsync("Live");

        await educator.StartAsync(linearEquations.Id);

        await Expect(educator.Status(linearEquations.Id)).ToHaveTextAsync("Live");
        await Expect(educator.EnterRoom(linearEquations.Id)).ToBeVisibleAsync();
        await Screenshot(educatorTab, "educator-started-session");
        await AxeAsync(educatorTab, "dashboard-with-live-card");

        await Expect(student1.JoinCard(linearEquations.Id)).ToBeVisibleAsync();
        await Expect(student1.JoinButton(linearEquations.Id)).ToBeVisibleAsync();
        Assert.True(await student1Tab.EvaluateAsync<bool>($"() => {NoReloadMarker} === true"),
            "The class page was reloaded: the join card should have arrived live.");
        Assert.Equal(ClassPage.PathOf(linearEquations.ClassId), new Uri(student1Tab.Url).AbsolutePath);
        await Screenshot(student1Tab, "student1-sees-join-card");
        await AxeAsync(student1Tab, "class-page-with-join-card");

        // Student 9 is only in Biology: the start went to Algebra's group, so nothing arrives here, and Algebra's page is refused.
        await Expect(student9.JoinCard(linearEquations.Id)).ToHaveCountAsync(0);
        await Screenshot(student9Tab, "student9-biology-without-join-card");

        Assert.Equal(403, await student9.GotoAsync(linearEquations.ClassId));
        await Expect(student9.Forbidden).ToBeVisibleAsync();
        await Expect(student9.JoinCard(linearEquations.Id)).ToHaveCountAsync(0);
        await Screenshot(student9Tab, "student9-algebra-forbidden");
        await AxeAsync(student9Tab, "class-page-forbidden");
    }

    [Fact]
    public async Task A_class_without_students_cannot_start_and_its_card_says_why_before_the_click()
    {
        var periodicTable = await Seed.SessionAsync(SeededData.Teacher2, "The periodic table");
        var educatorTab = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        var educator = new EducatorSessionsPage(educatorTab);
        await educator.WaitUntilInteractiveAsync();

        // Said before anyone clicks: Start is off, and the reason is next to it and is its description.
        var blocked = educatorTab.GetByTestId(TestIds.StartBlocked(periodicTable.Id));
        await Expect(educator.StartButton(periodicTable.Id)).ToBeDisabledAsync();
        await Expect(blocked).ToContainTextAsync("No students are enrolled");
        await Expect(educator.StartButton(periodicTable.Id)).ToHaveAttributeAsync("aria-describedby", TestIds.StartBlocked(periodicTable.Id));
        await Expect(educator.Status(periodicTable.Id)).Not.ToHaveTextAsync("Live");
        await Expect(educator.EnterRoom(periodicTable.Id)).ToHaveCountAsync(0);
        Assert.Equal("scheduled", await Seed.StatusAsync(SeededData.Teacher2, periodicTable.Id));
        await Screenshot(educatorTab, "teacher2-start-refused");
        await AxeAsync(educatorTab, "dashboard-with-refused-start");
    }
}
