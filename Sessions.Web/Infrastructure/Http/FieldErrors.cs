namespace Sessions.Web.Infrastructure.Http;

/// <summary>Collects every invalid field of a request, so one 400 answer names them all.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<FieldMessage>> _errors = new(StringComparer.Ordinal);

    public FieldErrors Add(string field, FieldMessage message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public bool Any => _errors.Count > 0;

    /// <summary>Every message, field by field: for a caller that reports them by something other than the field (a file's row).</summary>
    public IEnumerable<FieldMessage> Messages => _errors.Values.SelectMany(m => m);

    /// <summary>The 400 <c>validation_failed</c>, or null when every field is valid.</summary>
    public ServiceError? ToError() => Any
        ? ServiceError.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
        : null;
}
