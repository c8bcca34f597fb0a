using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Components.Common;

/// <summary>
/// A service's refusal as a form shows it: each invalid field's messages next to that field (<c>validation_failed</c>
/// names them), and every message in one summary above, which also carries refusals that belong to no field.
/// </summary>
public sealed class FormErrors
{
    public static readonly FormErrors None = new(new Dictionary<string, string[]>(), []);

    private readonly IReadOnlyDictionary<string, string[]> _byField;

    private FormErrors(IReadOnlyDictionary<string, string[]> byField, IReadOnlyList<string> summary)
    {
        _byField = byField;
        Summary = summary;
    }

    public IReadOnlyList<string> Summary { get; }

    /// <summary>The refusal in the current language: each field's messages through <paramref name="text"/>, as the API writes them.</summary>
    public static FormErrors Of(ServiceError? error, ErrorText text)
    {
        if (error is null)
        {
            return None;
        }
        if (error.Details?.GetValueOrDefault("errors") is IReadOnlyDictionary<string, FieldMessage[]> byField)
        {
            var localized = byField.ToDictionary(field => field.Key, field => field.Value.Select(text.Field).ToArray(), StringComparer.Ordinal);
            return new(localized, [.. localized.Values.SelectMany(messages => messages)]);
        }
        return new(new Dictionary<string, string[]>(), [text.Detail(error)]);
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>
    /// The id of a field's error text, given to the field as MudBlazor's <c>ErrorId</c>: the input then names its error
    /// with aria-describedby (MudBlazor does not link an <c>ErrorText</c> set from outside by itself).
    /// </summary>
    public static string IdOf(string field) => $"form-error-{field}";

    public string? For(string field) => _byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
