namespace Sessions.Web.Infrastructure.Http;

/// <summary>The mobile contract is versioned by the <c>api-version</c> header; only the versions listed here are served.</summary>
public sealed class ApiVersionFilter : IEndpointFilter
{
    public const string Header = "api-version";
    public static readonly IReadOnlyList<string> Supported = ["6"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requested = context.HttpContext.Request.Headers[Header].ToString();
        if (Supported.Contains(requested))
        {
            return next(context);
        }
        var error = new ServiceError(
            "unsupported_api_version",
            string.IsNullOrEmpty(requested)
                ? $"The '{Header}' header is required. Supported versions: {string.Join(", ", Supported)}."
                : $"API version '{requested}' is not supported. Supported versions: {string.Join(", ", Supported)}.",
            StatusCodes.Status400BadRequest,
            new Dictionary<string, object?> { ["supportedVersions"] = Supported });
        return ValueTask.FromResult<object?>(error.ToProblem());
    }
}
