namespace Sessions.Web.Infrastructure.Http;

/// <summary>
/// A refusal a service answers with: a stable machine-readable <see cref="Code"/>, a sentence a person can read,
/// the HTTP status the API maps it to, and optional facts (for example when a start window opens).
/// </summary>
public sealed record ServiceError(string Code, string Message, int StatusCode, IReadOnlyDictionary<string, object?>? Details = null)
{
    /// <summary>A 400 <c>validation_failed</c> naming the field, shaped like ASP.NET Core's validation problems.</summary>
    public static ServiceError Validation(string field, FieldMessage message) =>
        Validation(new Dictionary<string, FieldMessage[]> { [field] = [message] });

    /// <summary>A 400 <c>validation_failed</c> with every invalid field and its messages.</summary>
    public static ServiceError Validation(IReadOnlyDictionary<string, FieldMessage[]> errors) => new(
        ErrorCodes.ValidationFailed,
        errors.Count == 1 && errors.Values.Single().Length == 1 ? errors.Values.Single()[0].English : "Some fields are not valid; see errors.",
        StatusCodes.Status400BadRequest,
        new Dictionary<string, object?> { ["errors"] = errors });
}

/// <summary>Either a value or a <see cref="ServiceError"/>; refusals are results, exceptions stay for faults.</summary>
public readonly struct Result<T>
{
    private Result(T? value, ServiceError? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public ServiceError? Error { get; }

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(ServiceError error) => new(default, error);
}
