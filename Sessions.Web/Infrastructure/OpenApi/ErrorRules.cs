using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Sessions.Web.Features.Accounts.Passwords;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.OpenApi;

/// <summary>
/// The refusals the pipeline, not the endpoint's service, answers with: derived from endpoint metadata so that a new
/// endpoint documents them without anyone remembering to. The endpoint adds its own with <see cref="ApiDocs.ProducesErrors{TBuilder}"/>.
/// </summary>
public static class ErrorRules
{
    // Documentation texts: the middleware that answers these words its own detail for the case at hand.
    public static readonly ServiceError Unauthenticated = new(ErrorCodes.Unauthenticated,
        "No valid bearer token: it is missing, expired or revoked. Refresh it, or sign in again.", StatusCodes.Status401Unauthorized);
    public static readonly ServiceError Forbidden = new(ErrorCodes.Forbidden,
        "The caller's role may not use this endpoint.", StatusCodes.Status403Forbidden);
    public static readonly ServiceError Validation = new(ErrorCodes.ValidationFailed,
        "A parameter or the body is not valid; `errors` names every invalid field.", StatusCodes.Status400BadRequest,
        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["title"] = ["title is required."] } });
    public static readonly ServiceError RateLimited = new(ErrorCodes.RateLimited,
        "Too many requests of this kind in a short time: wait `retryAfterSeconds` (also the Retry-After header).",
        StatusCodes.Status429TooManyRequests);
    public static readonly ServiceError OriginNotAllowed = new(ErrorCodes.OriginNotAllowed,
        "A browser Origin the portal does not trust may not change state; native clients send no Origin.", StatusCodes.Status403Forbidden);
    public static readonly ServiceError UnsupportedApiVersion = new(ApiVersionFilter.UnsupportedCode,
        $"The `{ApiVersionFilter.Header}` header is missing or names a version not served; `supportedVersions` lists them.",
        StatusCodes.Status400BadRequest);
    public static readonly ServiceError UnsupportedMediaType = new(ErrorCodes.UnsupportedMediaType,
        "The body is not `application/json`.", StatusCodes.Status415UnsupportedMediaType);
    public static readonly ServiceError PayloadTooLarge = new(ErrorCodes.PayloadTooLarge,
        "The body is larger than the server accepts.", StatusCodes.Status413PayloadTooLarge);
    public static readonly ServiceError NotFound = new(ErrorCodes.NotFound,
        "A route value does not have the form the route requires (a class id is a number).", StatusCodes.Status404NotFound);
    public static readonly ServiceError InternalError = new(ErrorCodes.InternalError,
        "An unexpected fault; `traceId` identifies it in the portal's log.", StatusCodes.Status500InternalServerError);

    public static IEnumerable<ServiceError> Implied(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Path
            || p.Source == BindingSource.Query))
        {
            yield return Validation;
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            yield return UnsupportedMediaType;
            yield return PayloadTooLarge;
        }
        if (description.RelativePath?.Contains(":int}", StringComparison.Ordinal) == true)
        {
            yield return NotFound;
        }
        if (metadata.OfType<ApiVersionMetadata>().Any())
        {
            yield return UnsupportedApiVersion;
        }
        if (NeedsAuthorization(metadata))
        {
            yield return Unauthenticated;
            // The gate answers before authorization: an account created from configuration changes its password first.
            yield return PasswordErrors.ChangeRequired;
        }
        if (NeedsRole(metadata))
        {
            yield return Forbidden;
        }
        if (!HttpMethods.IsGet(description.HttpMethod ?? "") && !HttpMethods.IsHead(description.HttpMethod ?? ""))
        {
            yield return OriginNotAllowed;
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            yield return RateLimited;
        }
        yield return InternalError;
    }

    /// <summary>As the authorization middleware decides: any authorize data or policy, unless anonymous access is allowed.</summary>
    public static bool NeedsAuthorization(IList<object> metadata) =>
        !metadata.OfType<IAllowAnonymous>().Any()
        && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());

    private static bool NeedsRole(IList<object> metadata) =>
        NeedsAuthorization(metadata)
        && (metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles))
            || metadata.OfType<AuthorizationPolicy>().Any(p => p.Requirements.OfType<RolesAuthorizationRequirement>().Any()));
}
