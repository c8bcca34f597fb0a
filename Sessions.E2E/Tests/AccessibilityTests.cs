using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.E2E.Pages;
using Sessions.Web.Components.Common;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Tests;

/// <summary>
/// axe-core on the pages the journeys of the other tests do not pass through: the sign-in page (also with its error) and
/// the administration pages. The other tests check their own states with <see cref="BrowserTest.AxeAsync"/>.
/// </summary>
[Collection(LiveAppGroup.Name)]
public sealed class AccessibilityTests(LiveServerFixture app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task The_sign_in_page_and_its_error_pass_axe()
    {
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await page.GotoAsync(LoginPage.Path);
        await AxeAsync(page, "login");

        await login.Email.FillAsync(SeededData.Teacher);
        await login.Password.FillAsync("not the password");
        await login.Submit.ClickAsync();
        await Expect(page.GetByTestId(TestIds.LoginError)).ToBeVisibleAsync();
        await Screenshot(page, "login-error");
        await AxeAsync(page, "login-error");
    }

    [Fact]
    public async Task Transitions_stop_for_a_user_who_asks_for_reduced_motion()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(LoginPage.Path);
        var submit = new LoginPage(page).Submit;
        Assert.Contains(await TransitionSecondsAsync(submit), seconds => seconds >= 0.1);

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        Assert.All(await TransitionSecondsAsync(submit), seconds => Assert.True(seconds < 0.001, $"A {seconds} s transition is left."));
    }

    [Fact]
    public async Task The_administration_pages_pass_axe()
    {
        var page = await SignInAsync(SeededData.Admin, "/admin");
        var admin = new AdminPages(page);
        await admin.WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today at school");
        await AxeAsync(page, "admin-overview");

        await admin.GotoAsync("/admin/users");
        await Expect(page.GetByTestId(TestIds.UsersTable)).ToContainTextAsync("Ms. Rivera");
        await AxeAsync(page, "admin-users");

        await admin.GotoAsync("/admin/classes");
        await Expect(page.GetByTestId(TestIds.ClassesTable)).ToContainTextAsync("Algebra I");
        await AxeAsync(page, "admin-classes");

        await admin.GotoAsync("/admin/audit");
        // Loaded: a record, or the line that says there are none.
        await Expect(page.GetByTestId(TestIds.AuditTable).Locator("tbody tr").First).ToBeVisibleAsync();
        await AxeAsync(page, "admin-audit");
        await Screenshot(page, "admin-audit");

        await admin.GotoAsync("/admin/ratings");
        await Expect(page.GetByTestId(TestIds.RatingsTable).Locator("tbody tr").First).ToBeVisibleAsync();
        await AxeAsync(page, "admin-ratings");
    }

    [Fact]
    public async Task The_skip_link_comes_first_shows_on_focus_and_moves_focus_into_main()
    {
        var page = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await new EducatorSessionsPage(page).WaitUntilInteractiveAsync();
        var skip = page.GetByTestId(TestIds.SkipLink);
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToHaveCountAsync(1);

        // First in the tab order of the page, and out of sight until focused.
        Assert.True(await skip.EvaluateAsync<bool>("""
            link => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                .find(e => e.tabIndex >= 0 && !e.disabled) === link
            """), "The skip link is not the first element Tab reaches.");
        await Expect(skip).Not.ToBeInViewportAsync();
        await skip.FocusAsync();
        await Expect(skip).ToBeInViewportAsync();
        await Screenshot(page, "skip-link-focused");

        await page.Keyboard.PressAsync("Enter");
        await Expect(main).ToBeFocusedAsync();
        Assert.Equal(EducatorSessionsPage.Path, new Uri(page.Url).AbsolutePath);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await main.EvaluateAsync<bool>("main => main !== document.activeElement && main.contains(document.activeElement)"),
            "Tab after the skip link did not continue inside <main>.");
        // The control Tab reached shows the app's focus ring.
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
    }

    [Fact]
    public async Task A_dialog_takes_focus_keeps_it_closes_on_Escape_and_gives_focus_back()
    {
        // Teacher 2's seeded session, which this test only opens dialogs over and leaves scheduled.
        var periodicTable = await Seed.SessionAsync(SeededData.Teacher2, "The periodic table");
        var page = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await new EducatorSessionsPage(page).WaitUntilInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);

        // Schedule: opened from the keyboard, focus on the form's first field; Escape closes it and returns to the button.
        var schedule = page.GetByTestId(TestIds.ScheduleSession);
        await schedule.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        await ExpectFocusOnAFieldInAsync(dialog);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(schedule).ToBeFocusedAsync();

        // Cancel: focus on the reason; Tab and Shift+Tab stay inside the dialog however far they go.
        var cancel = page.GetByTestId(TestIds.CancelSession(periodicTable.Id));
        await cancel.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId(TestIds.CancelReason)).ToBeFocusedAsync();
        foreach (var key in new[] { "Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab" })
        {
            await page.Keyboard.PressAsync(key);
            // At the trap's edge MudBlazor sends focus back in from the server, a round trip after the key: wait for it.
            try
            {
                await page.WaitForFunctionAsync("d => d.contains(document.activeElement)", await dialog.ElementHandleAsync(), new() { Timeout = 2_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{key} took focus out of the Cancel dialog.");
            }
        }
        await Screenshot(page, "cancel-dialog-keyboard");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(cancel).ToBeFocusedAsync();
        Assert.Equal("scheduled", await Seed.StatusAsync(SeededData.Teacher2, periodicTable.Id));
    }

    [Fact]
    public async Task Errors_are_tied_to_their_fields_announced_and_shown_in_the_error_colour()
    {
        // Sign-in (a server-rendered form): the field the validation refused, then a refused password.
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await page.GotoAsync(LoginPage.Path);
        await login.Password.FillAsync("any password");
        await login.Submit.ClickAsync();
        await ExpectFieldErrorAsync(login.Email, "Fill in this field.");
        await Expect(login.Password).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await login.Email.FillAsync(SeededData.Teacher2);
        await login.Password.FillAsync("not the password");
        await login.Submit.ClickAsync();
        await Expect(page.GetByTestId(TestIds.LoginError)).ToHaveAttributeAsync("role", "alert");

        // The Schedule dialog: the service refuses a blank title; the summary is an alert, the field says why.
        var educator = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await new EducatorSessionsPage(educator).WaitUntilInteractiveAsync();
        await educator.GetByTestId(TestIds.ScheduleSession).ClickAsync();
        await educator.GetByTestId(TestIds.SessionFormSubmit).ClickAsync();
        await Expect(educator.GetByTestId(TestIds.SessionFormError)).ToHaveAttributeAsync("role", "alert");
        await ExpectFieldErrorAsync(educator.GetByTestId(TestIds.SessionFormTitle), "title");
        await Screenshot(educator, "schedule-dialog-with-errors");
        await AxeAsync(educator, "schedule-dialog-with-errors");
    }

    [Fact]
    public async Task A_refused_server_rendered_form_puts_focus_on_its_first_invalid_field_or_its_error()
    {
        // Sign-in with the password left empty: focus on Password, not on Email where the page's autofocus would put it.
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        await page.GotoAsync(LoginPage.Path);
        await login.Email.FillAsync(SeededData.Teacher2);
        await login.Submit.ClickAsync();
        await Expect(login.Password).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(login.Password).ToBeFocusedAsync();

        // A wrong password: focus on the alert that says so; the next Tab goes on to Email.
        await login.Password.FillAsync("not the password");
        await login.Submit.ClickAsync();
        var error = page.GetByTestId(TestIds.LoginError);
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(login.Email).ToBeFocusedAsync();

        // The account page: a wrong current password, and a time zone left empty.
        var signedIn = await SignInAsync(SeededData.Teacher2, EducatorSessionsPage.Path);
        await signedIn.GotoAsync(AccountPage.Path);
        var account = new AccountPage(signedIn);
        await account.ChangePasswordAsync("not the password", "Another-Passw0rd!");
        await Expect(account.PasswordResult).ToHaveAttributeAsync("role", "alert");
        await Expect(account.PasswordResult).ToBeFocusedAsync();
        await signedIn.GetByTestId(TestIds.OwnTimeZone).FillAsync("");
        await signedIn.GetByTestId(TestIds.ChangeTimeZoneSubmit).ClickAsync();
        await Expect(signedIn.GetByTestId(TestIds.OwnTimeZone)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(signedIn.GetByTestId(TestIds.OwnTimeZone)).ToBeFocusedAsync();
    }

    /// <summary>
    /// The field is marked invalid and names, with aria-describedby, an element that holds <paramref name="message"/> in
    /// the theme's error colour.
    /// </summary>
    private static async Task ExpectFieldErrorAsync(ILocator field, string message)
    {
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        // Polls: MudBlazor links a field to its error text a render after marking it invalid.
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(message, System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        // Polls too: the colour can come a moment after the text (a stylesheet or a transition).
        string[] description = [];
        for (var attempt = 0; attempt < 25 && (description.Length == 0 || description[1] != description[2]); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(200);
            }
            description = await DescriptionAsync(field);
        }
        Assert.Contains(message, description[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(description[2], description[1]);
    }

    /// <summary>[the text of the elements the field's aria-describedby names, the first one's text colour, the theme's error colour]</summary>
    private static Task<string[]> DescriptionAsync(ILocator field) =>
        field.EvaluateAsync<string[]>("""
            field => {
                const described = (field.getAttribute('aria-describedby') || '').split(/\s+/)
                    .map(id => document.getElementById(id)).filter(e => e && e.textContent.trim());
                if (described.length === 0) return ['(no description)', '', ''];
                const text = described.map(e => e.textContent.trim()).join(' ');
                const leaf = [...described[0].querySelectorAll('*')].find(e => e.children.length === 0 && e.textContent.trim()) || described[0];
                const probe = document.createElement('span');
                probe.style.color = 'var(--mud-palette-error)';
                document.body.append(probe);
                const errorColour = getComputedStyle(probe).color;
                probe.remove();
                return [text, getComputedStyle(leaf).color, errorColour];
            }
            """);

    /// <summary>The element's computed transition durations, e.g. <c>0.25s, 0.25s</c> as [0.25, 0.25].</summary>
    private static async Task<double[]> TransitionSecondsAsync(ILocator element)
    {
        var durations = await element.EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration");
        return [.. durations.Split(',').Select(d => double.Parse(d.Trim().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static async Task ExpectFocusOnAFieldInAsync(ILocator dialog)
    {
        await Expect(dialog.Locator("input:focus, textarea:focus, [role=button]:focus, [role=combobox]:focus")).ToHaveCountAsync(1);
    }

    /// <summary>Any of the <c>/admin</c> pages, opened by URL.</summary>
    private sealed class AdminPages(IPage page) : BlazorPage(page)
    {
        public async Task GotoAsync(string path)
        {
            await Page.GotoAsync(path);
            await WaitUntilInteractiveAsync();
        }
    }
}
