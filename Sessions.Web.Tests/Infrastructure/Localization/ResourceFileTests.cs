using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Administration.Audit;
using Sessions.Web.Features.Administration.Components;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Features.Video;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>Every text has its Arabic, and every refusal's code its Arabic detail.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed partial class ResourceFileTests(SessionsAppFactory app)
{
    private const string Arabic = "ar";

    public static TheoryData<string> EnglishResourceFiles() => [.. EnglishFiles()];

    private static IEnumerable<string> EnglishFiles()
    {
        return Directory.EnumerateFiles(Path.Combine(PortalProcess.RepositoryRoot(), "Sessions.Web"), "*.resx", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileNameWithoutExtension(file).Split('.').Length == 1)
            .Select(file => Path.GetRelativePath(PortalProcess.RepositoryRoot(), file));
    }

    [Fact]
    public void The_resource_files_are_found() =>
        Assert.True(EnglishResourceFiles().Count >= 5, "the scan found fewer .resx files than this slice added");

    [Theory]
    [MemberData(nameof(EnglishResourceFiles))]
    public void Every_English_text_has_a_non_empty_Arabic_one_and_Arabic_has_no_key_English_lacks(string englishFile)
    {
        var english = Read(Path.Combine(PortalProcess.RepositoryRoot(), englishFile));
        var arabicFile = Path.ChangeExtension(Path.Combine(PortalProcess.RepositoryRoot(), englishFile), $".{Arabic}.resx");
        Assert.True(File.Exists(arabicFile), $"{englishFile} has no Arabic file {Path.GetFileName(arabicFile)}");
        var arabic = Read(arabicFile);

        Assert.Empty(english.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
        Assert.Empty(english.Keys.Except(arabic.Keys));
        Assert.Empty(arabic.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
        // ErrorMessages keeps its English in the *Errors.cs files, so its English file is empty on purpose.
        if (english.Count > 0)
        {
            // Arabic writes the plural forms English does not have (Class.Students.few), of words English has (Class.Students.other).
            Assert.DoesNotContain(arabic.Keys.Except(english.Keys), key => !IsPluralFormOf(key, english));
        }
    }

    [Fact]
    public void Every_plural_word_has_its_other_form_in_English_and_all_six_in_Arabic()
    {
        foreach (var englishFile in EnglishFiles())
        {
            var english = Read(Path.Combine(PortalProcess.RepositoryRoot(), englishFile));
            var arabic = Read(Path.ChangeExtension(Path.Combine(PortalProcess.RepositoryRoot(), englishFile), $".{Arabic}.resx"));
            foreach (var word in english.Keys.Where(key => key.EndsWith(".other", StringComparison.Ordinal)).Select(key => key[..^".other".Length]))
            {
                Assert.Empty(PluralForms.Where(form => !arabic.ContainsKey($"{word}.{form}")).Select(form => $"{englishFile}: {word}.{form}"));
            }
        }
    }

    private static readonly string[] PluralForms = ["zero", "one", "two", "few", "many", "other"];

    private static bool IsPluralFormOf(string key, Dictionary<string, string> english) =>
        PluralForms.Any(form => key.EndsWith("." + form, StringComparison.Ordinal) && english.ContainsKey(key[..(key.Length - form.Length)] + "other"));

    [Fact]
    public void Every_refusal_code_has_an_Arabic_detail()
    {
        var codes = DeclaredErrors().Select(error => error.Code)
            .Concat(typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = app.Services.GetRequiredService<IStringLocalizer<ErrorMessages>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Arabic);
            var missing = codes.Where(code => text[code].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "No Arabic for: " + string.Join(", ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        Assert.True(codes.Count > 40, $"only {codes.Count} codes found");
    }

    [Fact]
    public void Every_field_message_key_a_service_gives_has_an_Arabic_text_that_names_only_its_facts()
    {
        var arabic = Read(Path.Combine(PortalProcess.RepositoryRoot(), "Sessions.Web", "Infrastructure", "Http", "ErrorMessages.ar.resx"));
        var uses = Directory.EnumerateFiles(Path.Combine(PortalProcess.RepositoryRoot(), "Sessions.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => FieldMessageUse().Matches(File.ReadAllText(file)))
            .Select(use => (Key: use.Groups["key"].Value, Facts: use.Groups["facts"].Captures.Select(c => c.Value).ToHashSet(StringComparer.Ordinal)))
            .ToList();

        Assert.True(uses.Count >= 30, $"only {uses.Count} field messages found");
        Assert.Empty(uses.Where(use => !arabic.ContainsKey(use.Key)).Select(use => use.Key));
        Assert.Empty(uses.Where(use => Placeholder().Matches(arabic[use.Key]).Any(named => !use.Facts.Contains(named.Groups[1].Value)))
            .Select(use => use.Key));
    }

    [Fact]
    public void Every_audited_action_has_a_name_in_both_languages()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        var text = app.Services.GetRequiredService<IStringLocalizer<AdministrationText>>();
        foreach (var language in new[] { "en", Arabic })
        {
            using var scope = new CultureScope(language);
            Assert.DoesNotContain(actions, action => text[$"AuditAction.{action}"].ResourceNotFound);
        }
        Assert.True(actions.Count >= 10);
    }

    /// <summary><c>FieldMessage.Of("key", $"…", ("fact", value), …)</c>: the key and the facts named before the call ends.</summary>
    [GeneratedRegex("""FieldMessage\.Of\("(?<key>[a-z_]+)",(?:(?:(?!\);)[\s\S])*?\("(?<facts>[a-z]+)",)*""")]
    private static partial Regex FieldMessageUse();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The errors declared as static members anywhere in the portal, and one of each error built by a factory method.</summary>
    private static IEnumerable<ServiceError> DeclaredErrors()
    {
        var declared = typeof(ServiceError).Assembly.GetTypes().Where(type => !type.ContainsGenericParameters)
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(member => member switch
            {
                FieldInfo { FieldType: var t } field when t == typeof(ServiceError) => field.GetValue(null),
                PropertyInfo { PropertyType: var t, CanRead: true } property when t == typeof(ServiceError) && property.GetIndexParameters().Length == 0 => property.GetValue(null),
                _ => null,
            })
            .OfType<ServiceError>();
        ServiceError[] built =
        [
            SessionErrors.InvalidStatus(SessionStatus.Completed),
            SessionErrors.EducatorAlreadyLive(Guid.Empty),
            AccountErrors.LockedOut(TimeSpan.FromMinutes(5)),
            RoomErrors.Full(3),
            new(ApiVersionFilter.UnsupportedCode, "", 400),
        ];
        return declared.Concat(built);
    }

    private static Dictionary<string, string> Read(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
