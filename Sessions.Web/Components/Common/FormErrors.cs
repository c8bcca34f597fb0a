using Sessions.Web.Infrastructure.Http;

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

    public static FormErrors Of(ServiceError? error)
    {
        if (error is null)
        {
            return None;
        }
        if (error.Details?.GetValueOrDefault("errors") is IReadOnlyDictionary<string, string[]> byField)
        {
            return new(byField, [.. byField.Values.SelectMany(messages => messages)]);
        }
        return new(new Dictionary<string, string[]>(), [error.Message]);
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>
    /// The id of a field's error text, given to the field as MudBlazor's <c>ErrorId</c>: the input then names its error
    /// with aria-describedby (MudBlazor does not link an <c>ErrorText</c> set from outside by itself).
    /// </summary>
    public static string IdOf(string field) => $"form-error-{field}";

    public string? For(string field) => _byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
