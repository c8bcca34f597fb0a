using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// The API's JSON, set once for every endpoint. Numbers must be JSON numbers (<see cref="JsonSerializerOptions.Web"/>
/// would read <c>"45"</c> as 45) and a property may be given once (otherwise the last copy silently wins, so what a proxy
/// or a log saw is not what was stored). A body that cannot be read is a 400 <c>validation_failed</c> naming the field
/// (<see cref="ClientErrors"/>).
/// </summary>
public static class StrictJson
{
    /// <summary>The field a refusal of the body as a whole is keyed by (not JSON, or not an object).</summary>
    public const string BodyField = "body";

    public static IServiceCollection AddStrictJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
        return services;
    }

    /// <summary>The refusal of a body the serializer could not read, keyed by the field it stopped at.</summary>
    public static ServiceError ErrorFor(JsonException exception)
    {
        if (exception.InnerException is JsonException || exception.Path is null)
        {
            // The reader's own exception: the text is not JSON.
            return ServiceError.Validation(BodyField,
                $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        }
        if (exception.Path == "$")
        {
            return ServiceError.Validation(BodyField, "The body must be a JSON object.");
        }
        var field = exception.Path.StartsWith("$.", StringComparison.Ordinal) ? exception.Path[2..] : exception.Path;
        return ServiceError.Validation(field,
            $"{field} must be given once, with a value of the right type (numbers and true/false without quotes).");
    }
}
