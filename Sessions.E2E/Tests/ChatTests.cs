using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// The room's chat in real Chromium, with the video failing as it does here (no Agora): a student sends text and a
/// picture, the educator sees both live and removes one, the student sees it removed; markup in a message stays text.
/// </summary>
[Collection(ChatAppGroup.Name)]
public sealed class ChatTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    private const string StudentLanding = "/student";

    /// <summary>A 1×1 PNG, as a phone's picture of a worksheet would be, only smaller.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_student_shares_text_and_a_picture_the_educator_sees_them_live_and_removes_one()
    {
        var session = await Seed.SessionAsync(SeededData.Teacher, "Linear equations");
        await Seed.StartAsync(SeededData.Teacher, session.Id);

        var educatorTab = await SignInAsync(SeededData.Teacher, EducatorSessionsPage.Path);
        var educatorRoom = new VideoRoomPage(educatorTab);
        await educatorRoom.GotoAsync(session.Id);
        await educatorRoom.WaitUntilInRoomAsync("Ms. Rivera");
        var educator = new ChatPanel(educatorTab);

        var studentTab = await SignInAsync(SeededData.Student(1), StudentLanding);
        var studentRoom = new VideoRoomPage(studentTab);
        await studentRoom.GotoAsync(session.Id);
        await studentRoom.WaitUntilInRoomAsync("Student 1");
        var student = new ChatPanel(studentTab);

        // A picture with a caption: attached through the file chooser, sent with Enter; Shift+Enter only breaks the line.
        await student.AttachAsync(new FilePayload { Name = "worksheet.png", MimeType = "image/png", Buffer = TinyPng });
        await student.Input.FillAsync("Here is my worksheet");
        await student.Input.PressAsync("Shift+Enter");
        await studentTab.Keyboard.InsertTextAsync("question 3");
        await Expect(student.Input).ToHaveValueAsync("Here is my worksheet\nquestion 3");
        await student.Input.PressAsync("Enter");
        await Expect(student.Message("Here is my worksheet")).ToBeVisibleAsync();
        await Expect(student.Input).ToHaveValueAsync("");

        // Markup is words.
        await student.Input.FillAsync("<b>hi</b>");
        await student.Send.ClickAsync();
        await Expect(student.Message("<b>hi</b>")).ToBeVisibleAsync();

        // The educator has both, live, with the student's name and role; the picture loads with the portal's cookie.
        var worksheet = educator.Message("Here is my worksheet");
        await Expect(worksheet).ToContainTextAsync("Student 1");
        await Expect(worksheet.Locator(".chat-role")).ToHaveTextAsync("Student");
        var thumbnail = worksheet.GetByRole(AriaRole.Img, new() { Name = "worksheet.png" });
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", 1);
        var markup = educator.Message("<b>hi</b>");
        await Expect(markup).ToBeVisibleAsync();
        await Expect(markup.Locator("b")).ToHaveCountAsync(0);
        await Screenshot(educatorTab, "educator-sees-the-chat");
        await AxeAsync(educatorTab, "educator-room-chat");

        // The picture opens full size, and Escape closes it.
        await worksheet.GetByRole(AriaRole.Button, new() { Name = "Open the image worksheet.png full size" }).ClickAsync();
        await Expect(educatorTab.Locator(".chat-full-image")).ToHaveJSPropertyAsync("naturalWidth", 1);
        await AxeAsync(educatorTab, "chat-image-dialog");
        await educatorTab.Keyboard.PressAsync("Escape");
        await Expect(educatorTab.Locator(".chat-full-image")).ToHaveCountAsync(0);

        // The educator removes the markup message; the student sees it removed.
        var removed = await educator.IdOfAsync("<b>hi</b>");
        await educator.DeleteAsync(removed);
        await Expect(educator.Message(removed)).ToContainTextAsync("Message removed");
        await Expect(student.Message(removed)).ToContainTextAsync("Message removed");
        await Expect(student.Message(removed)).Not.ToContainTextAsync("<b>hi</b>");
        await Expect(student.Message("Here is my worksheet")).ToBeVisibleAsync();
        await AxeAsync(studentTab, "student-room-chat");

        // In Arabic, right to left, the same chat passes axe.
        var arabicTab = await SignInAsync(SeededData.Student(2), SeededData.Password, StudentLanding, "ar");
        var arabicRoom = new VideoRoomPage(arabicTab);
        await arabicRoom.GotoAsync(session.Id);
        await arabicRoom.WaitUntilInRoomAsync("Student 2");
        var arabic = new ChatPanel(arabicTab);
        await Expect(arabic.Message(removed)).ToContainTextAsync("حُذفت الرسالة");
        await Expect(arabic.Send).ToContainTextAsync("إرسال");
        await Screenshot(arabicTab, "student-room-chat-arabic");
        await AxeAsync(arabicTab, "student-room-chat-ar");

        // After the session, the student reads the chat back from the closed room.
        await Seed.EndAsync(SeededData.Teacher, session.Id);
        await Expect(studentRoom.Ended).ToBeVisibleAsync();
        await Screenshot(studentTab, "student-room-ended");
        await studentTab.GetByTestId(TestIds.ChatHistoryLink).ClickAsync();
        await Expect(student.Message("Here is my worksheet")).ToBeVisibleAsync();
        await Expect(student.Message(removed)).ToContainTextAsync("Message removed");
        await Expect(student.Input).ToHaveCountAsync(0);
        await AxeAsync(studentTab, "chat-history");
    }
}
