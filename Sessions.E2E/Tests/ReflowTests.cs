using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a 1280 px screen at 400 %, or a phone) the main pages scroll only
/// vertically, and their main actions are on screen within that width.
/// </summary>
[Collection(KeyboardAppGroup.Name)]
public sealed class ReflowTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";

    [Fact]
    public async Task The_dashboard_the_class_page_the_room_and_an_admin_table_reflow_at_320_pixels()
    {
        // Linear equations is started here and ended at the end; the keyboard journey books a session of its own.
        var linearEquations = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");

        var educatorTab = await NarrowAsync(await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path));
        var dashboard = new EducatorSessionsPage(educatorTab);
        await dashboard.WaitUntilInteractiveAsync();
        await ExpectReflowAsync(educatorTab, "dashboard", educatorTab.GetByTestId(TestIds.ScheduleSession),
            educatorTab.GetByTestId(TestIds.StartInstantSession), dashboard.StartButton(linearEquations.Id), educatorTab.GetByTestId(TestIds.Logout));

        await Seed.StartAsync(SeededData.Teacher, linearEquations.Id);
        try
        {
            var studentTab = await NarrowAsync(await SignInAsync(SeededData.Student(3), StudentLanding));
            var classPage = new ClassPage(studentTab);
            await classPage.GotoAsync(linearEquations.ClassId);
            await ExpectReflowAsync(studentTab, "class-page", classPage.JoinButton(linearEquations.Id), studentTab.GetByTestId(TestIds.Logout));

            var room = new VideoRoomPage(educatorTab);
            await room.GotoAsync(linearEquations.Id);
            await room.WaitUntilInRoomAsync("Ms. Rivera");
            var chatToggle = educatorTab.GetByTestId(TestIds.ChatToggle);
            await ExpectReflowAsync(educatorTab, "room", room.EndSession, educatorTab.GetByTestId(TestIds.RoomLeave),
                room.Participant("Ms. Rivera"), chatToggle, educatorTab.GetByTestId(TestIds.Logout));

            // On a phone the room opens on the video; the chat is a drawer over the whole window.
            await Expect(chatToggle).ToHaveAttributeAsync("aria-expanded", "false");
            await chatToggle.ClickAsync();
            var drawer = educatorTab.Locator("#room-chat");
            await Expect(drawer).ToBeVisibleAsync();
            var box = await drawer.BoundingBoxAsync();
            Assert.True(box is { X: 0, Y: 0, Width: 320 }, $"the open chat covers the window: {box?.X}, {box?.Y}, {box?.Width}");
            await ExpectReflowAsync(educatorTab, "room-chat-drawer", educatorTab.GetByTestId(TestIds.ChatInput), educatorTab.GetByTestId(TestIds.ChatSend),
                educatorTab.GetByTestId(TestIds.ChatAttach));
            await AxeAsync(educatorTab, "room-chat-drawer-320");
            await drawer.GetByRole(AriaRole.Button, new() { Name = "Close the chat" }).ClickAsync();
            await Expect(drawer).ToBeHiddenAsync();
        }
        finally
        {
            await Seed.EndAsync(SeededData.Teacher, linearEquations.Id);
        }

        var adminTab = await NarrowAsync(await SignInAsync(SeededData.Admin, "/admin"));
        await adminTab.GotoAsync("/admin/users");
        await new EducatorSessionsPage(adminTab).WaitUntilInteractiveAsync();
        await Expect(adminTab.GetByTestId(TestIds.UsersTable)).ToContainTextAsync("Ms. Rivera");
        var menu = adminTab.GetByRole(AriaRole.Button, new() { Name = "Administration menu" });
        await ExpectReflowAsync(adminTab, "admin-users", adminTab.GetByTestId(TestIds.CreateUser), menu, adminTab.GetByTestId(TestIds.Logout));

        // The administration links, folded into a menu at this width, work from the keyboard.
        var keyboard = new KeyboardUser(adminTab);
        await keyboard.MoveFocusToAsync(menu, "Shift+Tab", mostPresses: 10); // from the page's heading back into the app bar
        await keyboard.PressAsync("Enter");
        var classes = adminTab.GetByRole(AriaRole.Menuitem, new() { Name = "Classes" });
        await Expect(classes).ToBeVisibleAsync();
        // The open menu hears keys once the server has rendered it, a round trip after Enter.
        await Repeat.UntilAsync(() => keyboard.PressAsync("Escape"), timeout => Expect(classes).ToBeHiddenAsync(new() { Timeout = timeout }));
        await Expect(classes).ToBeHiddenAsync();
        await keyboard.ExpectFocusedAsync(menu);
        await keyboard.PressAsync("Enter");
        await Expect(classes).ToBeVisibleAsync();
        await Screenshot(adminTab, "reflow-320-admin-menu");
        await AxeAsync(adminTab, "admin-menu-320");
        // The item's link takes focus (the bar's own, hidden at this width, is not visible).
        await keyboard.MoveFocusToAsync(adminTab.Locator("a[href='/admin/classes']").Filter(new() { Visible = true }), "ArrowDown", mostPresses: 6);
        await keyboard.PressAsync("Enter");
        await adminTab.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/classes");
        await Expect(adminTab.GetByTestId(TestIds.ClassesTable)).ToContainTextAsync("Algebra I");
        await ExpectReflowAsync(adminTab, "admin-classes", menu, adminTab.GetByTestId(TestIds.Logout));
    }

    [Fact]
    public async Task Attendance_the_audit_import_the_roster_and_the_account_page_reflow_at_320_pixels()
    {
        // Ms. Rivera's seeded Photosynthesis was held yesterday: its attendance report.
        var photosynthesis = await Seed.SessionAsync(SeededData.Teacher, "Photosynthesis");
        var educatorTab = await NarrowAsync(await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path));
        await educatorTab.GotoAsync($"/sessions/{photosynthesis.Id}/attendance");
        await Expect(educatorTab.GetByTestId(TestIds.AttendanceSummary)).ToBeVisibleAsync();
        await ExpectReflowAsync(educatorTab, "attendance", educatorTab.GetByTestId(TestIds.AttendanceCsv), educatorTab.GetByTestId(TestIds.Logout));

        await educatorTab.GotoAsync($"/classes/{photosynthesis.ClassId}/roster");
        await new EducatorSessionsPage(educatorTab).WaitUntilInteractiveAsync();
        var firstRemove = educatorTab.Locator($"[data-testid^='remove-student-']").First;
        await Expect(firstRemove).ToBeVisibleAsync();
        await ExpectReflowAsync(educatorTab, "roster", educatorTab.GetByTestId(TestIds.RosterAddEmail), educatorTab.GetByTestId(TestIds.RosterAddEmailSubmit),
            educatorTab.GetByTestId(TestIds.RosterSearch), firstRemove, educatorTab.GetByTestId(TestIds.Logout));

        await educatorTab.GotoAsync(AccountPage.Path);
        await ExpectReflowAsync(educatorTab, "account", educatorTab.GetByTestId(TestIds.CurrentPassword), educatorTab.GetByTestId(TestIds.ChangePasswordSubmit),
            educatorTab.GetByTestId(TestIds.OwnTimeZone), educatorTab.GetByTestId(TestIds.ChangeTimeZoneSubmit), educatorTab.GetByTestId(TestIds.Logout));

        // The import of a roster with long addresses, previewed and applied; the audit then holds its record.
        var adminTab = await NarrowAsync(await SignInAsync(SeededData.Admin, "/admin"));
        var import = new AdminImportPage(adminTab);
        await import.GotoAsync();
        await import.UploadAsync("reflow.csv", System.Text.Encoding.UTF8.GetBytes(
            "email,displayName,role,classCode,timeZone\r\n" +
            "a.very.long.address.for.reflow.one@school-with-a-long-name.example,Reflow One,Student,BIO-1,Etc/UTC\r\n" +
            "a.very.long.address.for.reflow.two@school-with-a-long-name.example,Reflow Two,Student,BIO-1,Etc/UTC\r\n"));
        await Expect(import.PreviewRows).ToHaveCountAsync(2);
        await ExpectReflowAsync(adminTab, "import-preview", adminTab.GetByTestId(TestIds.ImportApply), adminTab.GetByTestId(TestIds.Logout));
        await import.ApplyAsync();
        await ExpectReflowAsync(adminTab, "import-result", adminTab.GetByTestId(TestIds.ImportDownloadLinks), adminTab.GetByTestId(TestIds.Logout));

        await adminTab.GotoAsync("/admin/audit");
        await new EducatorSessionsPage(adminTab).WaitUntilInteractiveAsync();
        await Expect(adminTab.GetByTestId(TestIds.AuditTable)).ToContainTextAsync("Roster imported");
        await ExpectReflowAsync(adminTab, "audit", adminTab.GetByTestId(TestIds.AuditTable).Locator("tbody tr").First, adminTab.GetByTestId(TestIds.Logout));
        await AxeAsync(adminTab, "audit-320");
    }

    private static async Task<IPage> NarrowAsync(IPage page)
    {
        await page.SetViewportSizeAsync(320, 640);
        return page;
    }

    private static async Task ScrollToAsync(ILocator action)
    {
        try
        {
            await action.ScrollIntoViewIfNeededAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // Replaced by a re-render while scrolling to it: the next attempt finds the new element.
        }
    }

    /// <summary>No horizontal scrolling of the page, and each action shown whole within the 320 px.</summary>
    private async Task ExpectReflowAsync(IPage page, string state, params ILocator[] actions)
    {
        await Screenshot(page, $"reflow-320-{state}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        var widest = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`)
                .join('; ')
            """);
        Assert.True(scrollWidth <= clientWidth, $"{state}: the page is {scrollWidth} px wide in a {clientWidth} px window. Wider: {widest}");
        foreach (var action in actions)
        {
            // Blazor may replace the element between finding and scrolling to it; the retry finds the new one.
            await Repeat.UntilAsync(() => ScrollToAsync(action), timeout => Expect(action).ToBeInViewportAsync(new() { Timeout = timeout }));
            await Expect(action).ToBeVisibleAsync();
            var box = await action.BoundingBoxAsync();
            Assert.True(box is { X: >= 0 } && box.X + box.Width <= clientWidth + 1, $"{state}: {action} is not within the {clientWidth} px width ({box?.X}, {box?.Width}).");
        }
    }
}
