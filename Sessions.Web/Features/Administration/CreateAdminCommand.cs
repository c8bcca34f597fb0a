using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Features.Administration;

/// <summary>
/// <c>dotnet Sessions.Web.dll create-admin --email X [--display-name Y] [--time-zone Z]</c>: creates an administrator
/// (migrating the database first) and prints the set-password link to hand to them, the first admin of a new school or
/// a way back in when nobody can sign in. It acts as nobody in particular: the audit trail records no actor.
/// </summary>
public static class CreateAdminCommand
{
    public const string Verb = "create-admin";
    public const string DefaultDisplayName = "Administrator";
    public const string DefaultTimeZone = "Etc/UTC";

    private const string Usage = "Usage: dotnet Sessions.Web.dll create-admin --email ADDRESS [--display-name NAME] [--time-zone IANA-ID]";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    /// <returns>0 with the link printed; 1 with the reason on <paramref name="error"/>.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Options(args) is not { } options || !options.TryGetValue("--email", out var email))
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var request = new NewUser(email, options.GetValueOrDefault("--display-name", DefaultDisplayName), [AppRoles.Admin],
            options.GetValueOrDefault("--time-zone", DefaultTimeZone));
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(actorId: null, request, CancellationToken.None);
        if (created.Error is { } refused)
        {
            var fields = FormDetails(refused);
            await error.WriteLineAsync($"Could not create the administrator: {refused.Message}{fields}");
            return 1;
        }
        var link = created.Value!.Link;
        await output.WriteLineAsync($"Created the administrator {email}. Give them this link, on the portal's own address, before "
            + $"{link.ExpiresUtc:yyyy-MM-dd HH:mm} UTC (it works once):");
        await output.WriteLineAsync(link.Path);
        return 0;
    }

    /// <summary>The <c>--name value</c> pairs after the verb, or null when one has no value or is unknown.</summary>
    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] is not ("--email" or "--display-name" or "--time-zone") || i + 1 >= args.Length)
            {
                return null;
            }
            options[args[i]] = args[i + 1];
        }
        return options;
    }

    private static string FormDetails(Infrastructure.Http.ServiceError refused) =>
        refused.Details?.GetValueOrDefault("errors") is IReadOnlyDictionary<string, string[]> byField
            ? " " + string.Join(" ", byField.Values.SelectMany(messages => messages))
            : "";
}
