using System.Text.Json;

namespace Sessions.LoadTest;

/// <summary>Every scenario's result as indented JSON, at <c>--out</c> or <c>&lt;scenario&gt;.json</c>.</summary>
internal static class JsonReport
{
    public static readonly JsonSerializerOptions Format = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static void Write(string scenario, object result, Arguments args)
    {
        var path = args.Text("out", $"{scenario}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(result, Format));
        Console.WriteLine($"Result written to {Path.GetFullPath(path)}");
    }
}
