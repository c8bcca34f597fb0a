using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// Someone who uses the keyboard only: Tab, Shift+Tab, Enter, Space, Escape and the arrows, and types into the field that
/// has focus. Every step can say where focus is, so a journey asserts it rather than clicking its way past a trap.
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    /// <summary>The focused element as a person reading a failure needs it: its test id, else its name, else its tag.</summary>
    private const string DescribeFocus = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return '(nothing: body)';
            const name = e.getAttribute('aria-label') || (e.innerText || e.value || '').trim().slice(0, 40);
            return `${e.tagName.toLowerCase()}${e.dataset.testid ? ` [${e.dataset.testid}]` : ''} "${name}"`;
        }
        """;

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    /// <summary>Types into the focused field, key by key, after selecting what it holds so the text replaces it.</summary>
    public async Task ReplaceTextAsync(string text)
    {
        await page.Keyboard.PressAsync("ControlOrMeta+a");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Presses <paramref name="key"/> until <paramref name="target"/> has focus, failing with the path focus took.</summary>
    public async Task MoveFocusToAsync(ILocator target, string key = "Tab", int mostPresses = 40)
    {
        var path = new List<string>();
        for (var press = 0; press < mostPresses; press++)
        {
            await PressAndLetFocusMoveAsync(key);
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            path.Add(await FocusedAsync());
        }
        Assert.Fail($"{mostPresses} × {key} never reached {target}. Focus went through:\n{string.Join('\n', path)}");
    }

    /// <summary>
    /// Presses a key and waits briefly for focus to leave the element it was on: MudBlazor moves focus in menus and lists
    /// from the server, a round trip after the key. A key that leaves focus where it was costs the short wait only.
    /// </summary>
    private async Task PressAndLetFocusMoveAsync(string key)
    {
        var before = await page.EvaluateHandleAsync("() => document.activeElement");
        await page.Keyboard.PressAsync(key);
        try
        {
            await page.WaitForFunctionAsync("before => document.activeElement !== before", before, new() { Timeout = 1_000 });
        }
        catch (TimeoutException)
        {
            // focus stayed: the caller's check says whether that is where it should be
        }
    }

    /// <summary>Presses <paramref name="key"/> once and expects focus on <paramref name="target"/>.</summary>
    public async Task PressAndExpectFocusAsync(string key, ILocator target)
    {
        await page.Keyboard.PressAsync(key);
        await ExpectFocusedAsync(target);
    }

    public async Task ExpectFocusedAsync(ILocator target)
    {
        try
        {
            await Expect(target).ToBeFocusedAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"Expected focus on {target}, but it is on {await FocusedAsync()}.");
        }
    }

    public Task<string> FocusedAsync() => page.EvaluateAsync<string>(DescribeFocus);
}
