using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Features.Administration.Bootstrap;

/// <summary>A mistyped email or a password the policy refuses stops the app at start, not at the admin's first sign-in.</summary>
internal sealed class AdminBootstrapOptionsValidator(IServiceScopeFactory scopes) : IValidateOptions<AdminBootstrapOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminBootstrapOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new FieldErrors();
        UserFields.CheckEmail(errors, options.Email);
        var failures = errors.ToError() is { } invalid ? [$"{AdminBootstrapOptions.Section}:Email: {invalid.Message}"] : new List<string>();
        if (string.IsNullOrEmpty(options.InitialPassword))
        {
            failures.Add($"{AdminBootstrapOptions.Section}:InitialPassword is required with {AdminBootstrapOptions.Section}:Email.");
        }
        else
        {
            failures.AddRange(PolicyFailures(options.InitialPassword).Select(f => $"{AdminBootstrapOptions.Section}:InitialPassword: {f}"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Identity's own password validators, so the rule is the one every password is held to.</summary>
    private List<string> PolicyFailures(string password)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var candidate = new AppUser { DisplayName = "", TimeZoneId = "" };
        // Options validation is synchronous; Identity's password validator completes synchronously.
        return [.. users.PasswordValidators
            .Select(v => v.ValidateAsync(users, candidate, password).GetAwaiter().GetResult())
            .SelectMany(r => r.Errors.Select(e => e.Description))];
    }
}
