using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>A mistyped origin would silently refuse a legitimate front end, so a malformed one stops the app at start.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = options.AllowedOrigins
            .Where(origin => Origins.Normalize(origin) is null)
            .Select(origin => $"{SecurityOptions.Section}:{nameof(SecurityOptions.AllowedOrigins)} must hold absolute http(s) origins "
                + $"without path, query or user info, such as https://school.example:8443; '{origin}' is not one.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
