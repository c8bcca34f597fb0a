using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sessions.Web.Tests.Security;

/// <summary>One body the fuzzer sends: what was done to the seed, the bytes as sent, and their content type (none: no header).</summary>
public sealed record FuzzBody(string Mutation, byte[] Bytes, string? ContentType = JsonMutations.Json)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{Mutation} [{ContentType ?? "no content type"}, {Bytes.Length} bytes]: {(text.Length > 160 ? text[..160] + "…" : text)}";
    }
}

/// <summary>
/// Mutations of a valid JSON body, the same on every run for a given seed number: values of other types, numbers as
/// strings or out of range, odd strings (empty, 100 KB, NUL, bidi overrides, zero-width, lone surrogates, emoji,
/// combining marks), long arrays, deep nesting, duplicate keys, truncated or otherwise broken JSON, invalid UTF-8, other
/// content types, missing and extra fields.
/// </summary>
public sealed class JsonMutations
{
    public const string Json = "application/json";

    // A string value that stands for raw JSON text (a token no JsonNode can hold): replaced after serializing.
    private const string RawMarker = "@@raw@@";

    private static readonly Func<JsonNode?>[] OtherTypes =
    [
        () => "text", () => 0, () => -1, () => 1, () => true, () => false, () => null,
        () => new JsonArray(), () => new JsonObject(), () => new JsonArray(1, "a", null), () => new JsonObject { ["a"] = 1 },
    ];

    private static readonly string[] OddNumbers =
    [
        "1e999", "-1e999", "1e308", "4.5e1", "45e0", "1E2", "0.5", "45.0", "-0", "9223372036854775808", "-9223372036854775809",
        "2147483648", "-2147483649", "18446744073709551616", "0x10", "NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "1e", "--1",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", new('x', 100_000), string.Concat(Enumerable.Repeat("é", 50_000)), "\0", "a\0b", "\u202Eexe.txt", "\u2066x\u2069",
        "\u200B", "\u200B\u200D\uFEFF\u2060", "\u3164", "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466",
        string.Concat(Enumerable.Repeat("\U0001F600", 5_000)), "e" + new string('\u0301', 300), "\r\n", "\t", "\u2028", "\uFFFE",
        "<script>alert(1)</script>", "' OR 1=1 --", "{{7*7}}", "../../etc/passwd", "%00", "null", "true", "0",
        "9999-12-31T23:59:00Z", "0001-01-01T00:00:00Z", "2026-02-30T09:00:00Z", "+275760-09-13T00:00:00Z", "2027-01-04T09:00:00+14:01",
        "scheduled", "instant", "00000000-0000-0000-0000-000000000000",
    ];

    // Escapes JSON allows but a .NET string cannot pass through a serializer: lone surrogates, and a NUL for good measure.
    private static readonly string[] RawStrings = [@"""\ud800""", @"""\udc00x""", @"""a\ud800\ud800b""", @"""\udfff\ud800""", @"""\u0000"""];

    private static readonly string[] OtherContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx"];

    private static readonly string[] ExtraKeys = ["extra", "__proto__", "constructor", "id", "status", "educatorId", "", "\0", new('k', 10_000)];

    private readonly JsonObject _seed;
    private readonly List<string[]> _paths = [];
    private readonly Random _random;
    private readonly Func<FuzzBody>[] _mutations;

    public JsonMutations(JsonObject seed, int randomSeed)
    {
        _seed = seed;
        _random = new Random(randomSeed);
        CollectPaths(seed, []);
        _mutations =
        [
            OtherType, NumberAsString, OddNumber, OddString, PerturbedString, RawString, LongArray, DeepNesting, DuplicateKey,
            Truncated, BrokenJson, InvalidUtf8, OtherContentType, MissingField, ExtraField,
        ];
    }

    /// <summary>A stable seed number for a name (string.GetHashCode changes from run to run).</summary>
    public static int SeedFor(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)hash;
    }

    /// <summary>The seed itself, then <paramref name="count"/> − 1 mutations of it.</summary>
    public IEnumerable<FuzzBody> Take(int count)
    {
        yield return Text("the seed", _seed.ToJsonString());
        for (var i = 1; i < count; i++)
        {
            yield return _mutations[_random.Next(_mutations.Length)]();
        }
    }

    private FuzzBody OtherType()
    {
        var path = AnyPath();
        return With(path, Pick(OtherTypes)(), $"{Name(path)} as another type");
    }

    private FuzzBody NumberAsString()
    {
        var scalars = _paths.Where(p => ValueAt(p) is JsonValue value && value.GetValueKind() is not JsonValueKind.String).ToList();
        if (scalars.Count == 0)
        {
            return OtherType();
        }
        var path = Pick(scalars);
        return With(path, JsonValue.Create(ValueAt(path)!.ToJsonString()), $"{Name(path)} as a string");
    }

    private FuzzBody OddNumber()
    {
        var path = AnyPath();
        var number = Pick(OddNumbers);
        return WithRaw(path, number, $"{Name(path)} = {number}");
    }

    private FuzzBody OddString()
    {
        var path = AnyPath();
        var text = Pick(OddStrings);
        return With(path, text, $"{Name(path)} = odd string ({text.Length} chars)");
    }

    /// <summary>A string value of the seed, slightly off: what a sloppy client or a proxy does to a valid time or name.</summary>
    private FuzzBody PerturbedString()
    {
        var strings = _paths.Where(p => ValueAt(p) is JsonValue value && value.GetValueKind() == JsonValueKind.String).ToList();
        if (strings.Count == 0)
        {
            return OddString();
        }
        var path = Pick(strings);
        var value = ValueAt(path).Deserialize<string>()!;
        var (how, perturbed) = _random.Next(7) switch
        {
            0 => ("trailing newline", value + "\n"),
            1 => ("leading space", " " + value),
            2 => ("trailing NUL", value + "\0"),
            3 => ("doubled", value + value),
            4 => ("cut short", value[..(value.Length / 2)]),
            5 => ("upper case", value.ToUpperInvariant()),
            _ => ("with a bidi override", "\u202E" + value),
        };
        return With(path, perturbed, $"{Name(path)} {how}");
    }

    private FuzzBody RawString()
    {
        var path = AnyPath();
        var raw = Pick(RawStrings);
        return WithRaw(path, raw, $"{Name(path)} = {raw}");
    }

    private FuzzBody LongArray()
    {
        var path = AnyPath();
        var length = _random.Next(2) == 0 ? 100_000 : 1_000;
        return WithRaw(path, "[" + string.Join(',', Enumerable.Repeat("0", length)) + "]", $"{Name(path)} = array of {length}");
    }

    private FuzzBody DeepNesting()
    {
        var depth = _random.Next(2) == 0 ? 5_000 : 70;
        var nested = _random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        if (_random.Next(3) == 0)
        {
            return Text($"the body nested {depth} deep", nested);
        }
        var path = AnyPath();
        return WithRaw(path, nested, $"{Name(path)} nested {depth} deep");
    }

    private FuzzBody DuplicateKey()
    {
        var key = Pick(_seed.Select(p => p.Key).ToList());
        var variant = _random.Next(3) switch
        {
            0 => key,
            1 => char.ToUpperInvariant(key[0]) + key[1..],
            _ => key.ToUpperInvariant(),
        };
        var second = _random.Next(2) == 0 ? _seed[key]?.DeepClone() : Pick(OtherTypes)();
        var text = _seed.ToJsonString();
        return Text($"{key} given again as {variant}", $"{text[..^1]},\"{variant}\":{second?.ToJsonString() ?? "null"}}}");
    }

    private FuzzBody Truncated()
    {
        var text = _seed.ToJsonString();
        var length = _random.Next(text.Length);
        return Text($"cut after {length} characters", text[..length]);
    }

    private FuzzBody BrokenJson()
    {
        var text = _seed.ToJsonString();
        var (how, broken) = _random.Next(16) switch
        {
            0 => ("single quotes", text.Replace('"', '\'')),
            1 => ("a trailing comma", text[..^1] + ",}"),
            2 => ("a comment", "{/* note */" + text[1..]),
            3 => ("unquoted keys", text.Replace("\"", "", StringComparison.Ordinal)),
            4 => ("garbage after it", text + "}garbage"),
            5 => ("a byte order mark", "\uFEFF" + text),
            6 => ("two objects", text + text),
            7 => ("wrapped in an array", "[" + text + "]"),
            8 => ("null", "null"),
            9 => ("true", "true"),
            10 => ("a number", "0"),
            11 => ("a string", "\"text\""),
            12 => ("empty", ""),
            13 => ("white space", " \r\n\t "),
            14 => ("an open brace", "{"),
            _ => ("no colons", text.Replace(":", " ", StringComparison.Ordinal)),
        };
        return Text($"broken JSON: {how}", broken);
    }

    private FuzzBody InvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(_seed.ToJsonString()).ToList();
        var at = bytes.IndexOf((byte)'"', 1) + 1;
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]];
        bytes.InsertRange(at, Pick(invalid));
        return new FuzzBody("invalid UTF-8 in a key", [.. bytes]);
    }

    private FuzzBody OtherContentType()
    {
        var type = _random.Next(OtherContentTypes.Length + 1) is var i && i < OtherContentTypes.Length ? OtherContentTypes[i] : null;
        return new FuzzBody($"sent as {type ?? "no content type"}", Encoding.UTF8.GetBytes(_seed.ToJsonString()), type);
    }

    private FuzzBody MissingField()
    {
        if (_random.Next(5) == 0)
        {
            return Text("an empty object", "{}");
        }
        var path = AnyPath();
        var body = (JsonObject)_seed.DeepClone();
        Parent(body, path).Remove(path[^1]);
        return Text($"{Name(path)} left out", body.ToJsonString());
    }

    private FuzzBody ExtraField()
    {
        var body = (JsonObject)_seed.DeepClone();
        var key = Pick(ExtraKeys);
        body[key] = Pick(OtherTypes)();
        return Text($"extra field '{(key.Length > 20 ? key[..20] + "…" : key)}'", body.ToJsonString());
    }

    private FuzzBody With(string[] path, JsonNode? value, string mutation)
    {
        var body = (JsonObject)_seed.DeepClone();
        Parent(body, path)[path[^1]] = value;
        return Text(mutation, body.ToJsonString());
    }

    private FuzzBody WithRaw(string[] path, string raw, string mutation)
    {
        var body = (JsonObject)_seed.DeepClone();
        Parent(body, path)[path[^1]] = RawMarker;
        return Text(mutation, body.ToJsonString().Replace($"\"{RawMarker}\"", raw, StringComparison.Ordinal));
    }

    private static FuzzBody Text(string mutation, string json) => new(mutation, Encoding.UTF8.GetBytes(json));

    private void CollectPaths(JsonObject node, string[] prefix)
    {
        foreach (var (key, value) in node)
        {
            string[] path = [.. prefix, key];
            _paths.Add(path);
            if (value is JsonObject child)
            {
                CollectPaths(child, path);
            }
        }
    }

    private JsonNode? ValueAt(string[] path) => path.Aggregate<string, JsonNode?>(_seed, (node, key) => node![key]);

    private static JsonObject Parent(JsonObject root, string[] path) =>
        path[..^1].Aggregate(root, (node, key) => node[key]!.AsObject());

    private static string Name(string[] path) => string.Join('.', path);

    private string[] AnyPath() => Pick(_paths);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
