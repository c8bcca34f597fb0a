using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Sessions.Web.Tests.Infrastructure;

public static class TestIdQueries
{
    public static IElement FindByTestId<T>(this IRenderedComponent<T> rendered, string testId) where T : IComponent =>
        rendered.Find($"[data-testid='{testId}']");

    public static IReadOnlyList<IElement> FindAllByTestId<T>(this IRenderedComponent<T> rendered, string testId) where T : IComponent =>
        rendered.FindAll($"[data-testid='{testId}']");
}
