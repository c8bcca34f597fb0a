namespace Sessions.Web.Infrastructure.Http;

/// <summary>The mobile contract is versioned by the <c>api-version</c> header; only the versions listed here are served.</summary>
public sealed class ApiVersionFilter : IEndpointFilter
{
    public const string Header = "api-version";
    public const string UnsupportedCode = "unsupported_api_version";
    public static readonly IReadOnlyList<string> Supported = ["6"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requested = context.HttpContext.Request.Headers[Header].ToString();
        if (Supported.Contains(requested))
        {
            return next(context);
        }
        var error = new ServiceError(
            UnsupportedCode,
            string.IsNullOrEmpty(requested)
                ? $"The '{Header}' header is required. Supported versions: {string.Join(", ", Supported)}."
                : $"API version '{requested}' is not supported. Supported versions: {string.Join(", ", Supported)}.",
            StatusCodes.Status400BadRequest,
            new Dictionary<string, object?> { ["supportedVersions"] = Supported });
        return ValueTask.FromResult<object?>(error.ToProblem());
    }
}

/// <summary>Marks an endpoint as served only to the <see cref="ApiVersionFilter.Supported"/> versions; the OpenAPI document reads the mark.</summary>
public sealed class ApiVersionMetadata;

public static class ApiVersionEndpoints
{
    /// <summary>The filter enforces the header; the metadata lets the document show it, since filters are invisible to it.</summary>
    public static TBuilder RequireApiVersion<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter<TBuilder, ApiVersionFilter>();
        return builder.WithMetadata(new ApiVersionMetadata());
    }
}
