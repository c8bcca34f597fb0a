using System.Text.RegularExpressions;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>
/// No component shows text that bypasses the localizer: in the .razor markup of the app's shared component folders and of
/// every feature's <c>Components</c> folder (found, not listed, so a new feature is checked from its first page), no text
/// node and no attribute a person reads (label, title, placeholder, …) holds letters outside an @-expression. Code-behind
/// (.razor.cs) is not scanned.
/// </summary>
public sealed partial class MarkupLiteralTests
{
    private static readonly string[] SharedComponentFolders = ["Layout", "Common", "Pages"];

    /// <summary>The folders whose components go through IStringLocalizer: all of them.</summary>
    public static TheoryData<string> CheckedFolders()
    {
        var root = PortalProcess.RepositoryRoot();
        var features = Directory.GetDirectories(Path.Combine(root, "Sessions.Web", "Features"), "Components", SearchOption.AllDirectories);
        var shared = SharedComponentFolders.Select(folder => Path.Combine(root, "Sessions.Web", "Components", folder));
        return [.. shared.Concat(features).Select(folder => Path.GetRelativePath(root, folder).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    /// <summary>Text that is the same in every language: the product's name, a product's name, a symbol.</summary>
    private static readonly HashSet<string> AllowedText = new(StringComparer.Ordinal) { "Sessions", "Agora Web SDK", "🗙" };

    private static readonly string[] ReadAttributes = ["Label", "Text", "Title", "title", "HelperText", "Placeholder", "placeholder", "aria-label", "alt", "DataLabel"];

    [Theory]
    [MemberData(nameof(CheckedFolders))]
    public void No_user_facing_text_bypasses_the_localizer(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(PortalProcess.RepositoryRoot(), folder), "*.razor")
            .ToList();
        Assert.NotEmpty(files);
        var literals = files.SelectMany(file => LiteralsIn(File.ReadAllText(file)).Select(text => $"{Path.GetFileName(file)}: {text}")).ToList();
        Assert.True(literals.Count == 0, "Text outside the localizer:\n" + string.Join('\n', literals));
    }

    [Fact]
    public void The_scan_finds_text_nodes_and_read_attributes_and_ignores_code()
    {
        const string markup = """
            @inject IStringLocalizer<CommonText> T
            @* A comment is not shown. *@
            <MudButton OnClick="Save" aria-label="Save it">Save</MudButton>
            <p title="@T["Hint"]">@T["Body"] · @(_count) @_name.Length</p>
            @if (_busy)
            {
                <span>@T["Busy"]</span>
            }
            <MudTooltip Text="@T["Edit"]" />
            @code {
                private string _name = "not markup";
            }
            """;

        Assert.Equal(["aria-label=\"Save it\"", "Save"], LiteralsIn(markup));
    }

    /// <summary>Letters left in text nodes and read attributes once comments, the @code block and @-expressions are removed.</summary>
    internal static List<string> LiteralsIn(string razor)
    {
        var markup = Directive().Replace(RazorComment().Replace(razor, ""), "");
        var code = markup.IndexOf("@code", StringComparison.Ordinal);
        markup = code >= 0 ? markup[..code] : markup;
        var found = new List<string>();
        foreach (Match attribute in Attribute().Matches(markup))
        {
            if (ReadAttributes.Contains(attribute.Groups["name"].Value) && HasLetters(attribute.Groups["value"].Value))
            {
                found.Add($"{attribute.Groups["name"].Value}=\"{attribute.Groups["value"].Value}\"");
            }
        }
        foreach (Match node in TextNode().Matches(markup))
        {
            foreach (var line in node.Groups["text"].Value.Split('\n').Select(l => l.Trim()))
            {
                if (line.Length > 0 && !IsCodeLine(line) && HasLetters(line))
                {
                    found.Add(line);
                }
            }
        }
        return found;
    }

    /// <summary>Razor control flow between tags (<c>@if (…)</c>, <c>{</c>, <c>case X:</c>, <c>break;</c>), not text.</summary>
    private static bool IsCodeLine(string line) =>
        line.StartsWith('@') && !Expression().Replace(line, "").Any(char.IsLetter)
        || line is "{" or "}" or "break;" or "default:"
        || line.StartsWith("case ", StringComparison.Ordinal)
        || line.StartsWith("else", StringComparison.Ordinal)
        || line.StartsWith("@if", StringComparison.Ordinal) || line.StartsWith("@foreach", StringComparison.Ordinal)
        || line.StartsWith("@switch", StringComparison.Ordinal)
        || line.StartsWith("var ", StringComparison.Ordinal);

    private static bool HasLetters(string text)
    {
        var left = Expression().Replace(text, " ").Trim();
        return !AllowedText.Contains(left) && left.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.Any(char.IsLetter) && !AllowedText.Contains(word));
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    /// <summary>A directive line (<c>@inject IStringLocalizer&lt;T&gt; T</c>, <c>@using</c>, <c>@page</c>, …), whose angle brackets are not tags.</summary>
    [GeneratedRegex(@"^@(inject|using|page|attribute|implements|namespace|inherits|layout|rendermode)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>An attribute with a quoted value; values holding quotes inside @(...) are read up to their closing quote.</summary>
    [GeneratedRegex("""\s(?<name>[A-Za-z-]+)="(?<value>(?:@\((?:[^()]|\([^()]*\))*\)|@[A-Za-z_][\w.]*(?:\[[^\]]*\]|\([^()]*\))*|[^"])*)"(?=[\s/>])""")]
    private static partial Regex Attribute();

    /// <summary>The text between a tag's end and the next tag's start.</summary>
    [GeneratedRegex(@">(?<text>[^<>]+)<")]
    private static partial Regex TextNode();

    /// <summary>An @-expression: <c>@(…)</c>, <c>@T["key", arg]</c>, <c>@name.Member(…)</c>; one level of nesting is enough for markup.</summary>
    [GeneratedRegex(@"@\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|@[A-Za-z_][\w.]*(?:\[(?:[^\[\]]|\[[^\]]*\])*\]|\((?:[^()]|\([^()]*\))*\))*(?:[?!]*\.[\w]+(?:\((?:[^()]|\([^()]*\))*\))?)*")]
    private static partial Regex Expression();
}
