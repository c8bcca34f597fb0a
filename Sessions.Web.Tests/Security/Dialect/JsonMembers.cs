using System.Text.Json;

namespace Sessions.Web.Tests.Security.Dialect;

/// <summary>Every member of a JSON answer, as a path ("data.session.id"; an array's elements add "[]").</summary>
public static class JsonMembers
{
    public static IReadOnlyList<string> PathsOf(JsonElement element)
    {
        var paths = new List<string>();
        Walk(element, "", paths);
        return paths;
    }

    private static void Walk(JsonElement element, string prefix, List<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var path = prefix.Length == 0 ? member.Name : $"{prefix}.{member.Name}";
                    paths.Add(path);
                    Walk(member.Value, path, paths);
                }
                break;
            case JsonValueKind.Array:
                // Elements share one shape; the first stands for all, and an empty array adds nothing.
                foreach (var item in element.EnumerateArray().Take(1))
                {
                    Walk(item, $"{prefix}[]", paths);
                }
                break;
        }
    }
}
