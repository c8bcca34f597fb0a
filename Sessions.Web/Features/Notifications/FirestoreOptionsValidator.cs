using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Enabled but misconfigured stops the app at start, naming the setting. Nothing is checked while the notifier is off.
/// </summary>
internal sealed class FirestoreOptionsValidator : IValidateOptions<FirestoreOptions>
{
    private static readonly TimeSpan _shortestCallTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _longestCallTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, FirestoreOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.UsesEmulator)
        {
            if (!IsHostAndPort(options.EmulatorHost!))
            {
                failures.Add($"Firestore:EmulatorHost (or {FirestoreOptions.EmulatorHostVariable}) must be host:port without a scheme, "
                    + $"for example 127.0.0.1:8080; it is '{options.EmulatorHost}'.");
            }
            if (options.ProjectId is null)
            {
                failures.Add("Firestore:ProjectId is required with the emulator: use a demo-… id such as demo-sessions.");
            }
        }
        else if (options.CredentialsFile is null)
        {
            failures.Add($"Firestore:CredentialsFile (or {FirestoreOptions.CredentialsFileVariable}) is required when Firestore is enabled "
                + "without an emulator host: point it at a service-account JSON key, or set Firestore:EmulatorHost.");
        }
        else if (ServiceAccountFile.Inspect(options.CredentialsFile).Problem is { } problem)
        {
            failures.Add($"Firestore:CredentialsFile '{options.CredentialsFile}' {problem}.");
        }
        else if (options.ProjectId is null)
        {
            failures.Add("Firestore:ProjectId is required: set it, or use a service-account key that has a project_id.");
        }

        if (options.ProjectId is { } projectId && !IsPathSegment(projectId))
        {
            failures.Add($"Firestore:ProjectId must be a project id (no '/' or spaces); it is '{projectId}'.");
        }
        if (!IsPathSegment(options.DatabaseId))
        {
            failures.Add($"Firestore:DatabaseId must be a database id such as {FirestoreOptions.DefaultDatabaseId}; it is '{options.DatabaseId}'.");
        }
        if (options.CallTimeout < _shortestCallTimeout || options.CallTimeout > _longestCallTimeout)
        {
            failures.Add($"Firestore:CallTimeout must be between {_shortestCallTimeout} and {_longestCallTimeout}; it is {options.CallTimeout}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary><c>host:port</c> or <c>[ipv6]:port</c>, no scheme, no path.</summary>
    internal static bool IsHostAndPort(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }
        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return System.Net.IPAddress.TryParse(host[1..^1], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }

    private static bool IsPathSegment(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.Any(c => c == '/' || char.IsWhiteSpace(c));
}
