using System.Text.Json;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>The wire names (<c>in_progress</c>, …) used in SQLite, JSON and the UI, from one naming rule.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string wireName) where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(wireName.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
