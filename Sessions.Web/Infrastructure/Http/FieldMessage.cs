using System.Text.Json;
using System.Text.Json.Serialization;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// What is wrong with a field (or a row of a file), as a service says it: a stable <see cref="Key"/> whose translation
/// <c>ErrorMessages.ar.resx</c> holds, the English text, and the facts a translation may name (<c>{max}</c>). It is put
/// into words only where it is shown (<see cref="ErrorText.Field"/>): on a page, in a problem's <c>errors</c>, in an import's
/// rows. A message without a key (written as a plain string) stays English.
/// </summary>
public sealed record FieldMessage(string? Key, string English, IReadOnlyDictionary<string, object?>? Facts = null)
{
    public static FieldMessage Of(string key, string english, params (string Name, object? Value)[] facts) =>
        new(key, english, facts.Length == 0 ? null : facts.ToDictionary(fact => fact.Name, fact => fact.Value, StringComparer.Ordinal));

    public static implicit operator FieldMessage(string english) => new(null, english);

    public override string ToString() => English;
}

/// <summary>
/// A message as the API writes it: one string in the request's language, so the contract stays a string (the OpenAPI
/// document says so too, <see cref="OpenApi.OpenApiSetup"/>).
/// </summary>
public sealed class FieldMessageJson(ErrorText text) : JsonConverter<FieldMessage>
{
    public override FieldMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() ?? "";

    public override void Write(Utf8JsonWriter writer, FieldMessage value, JsonSerializerOptions options) =>
        writer.WriteStringValue(text.Field(value));
}
