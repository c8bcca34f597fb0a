using Microsoft.Playwright;

namespace Sessions.E2E.Pages;

/// <summary><c>/student</c>: a student's classes, each marked live while a session runs in it.</summary>
public sealed class StudentClassesPage(IPage page) : BlazorPage(page)
{
    public const string Path = "/student";
}
