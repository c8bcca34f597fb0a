namespace Sessions.Web.Features.Notifications;

/// <summary>
/// Section <c>Firestore</c>. With an emulator host the client talks plaintext to it and loads no credentials; without
/// one it talks TLS to Firestore with the service account in <see cref="CredentialsFile"/>. The environment variables
/// Google's own client libraries read (<c>FIRESTORE_EMULATOR_HOST</c>, <c>GOOGLE_APPLICATION_CREDENTIALS</c>) fill in
/// the keys left unset. Checked at start by <see cref="FirestoreOptionsValidator"/>.
/// </summary>
public sealed class FirestoreOptions
{
    public const string Section = "Firestore";
    public const string EmulatorHostVariable = "FIRESTORE_EMULATOR_HOST";
    public const string CredentialsFileVariable = "GOOGLE_APPLICATION_CREDENTIALS";
    public const string DefaultDatabaseId = "(default)";

    /// <summary>Required with the emulator (<c>demo-…</c> by convention); in production it defaults to the service account's <c>project_id</c>.</summary>
    public string? ProjectId { get; set; }

    public string DatabaseId { get; set; } = DefaultDatabaseId;

    /// <summary><c>host:port</c>, no scheme, as in <c>FIRESTORE_EMULATOR_HOST</c>.</summary>
    public string? EmulatorHost { get; set; }

    /// <summary>A service-account JSON key; only read when no emulator host is set.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>Unset: on when an emulator host or a credentials file is configured. <c>false</c> turns the notifier off regardless.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The deadline of every call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesEmulator => !string.IsNullOrWhiteSpace(EmulatorHost);

    public bool IsOn => Enabled ?? (UsesEmulator || !string.IsNullOrWhiteSpace(CredentialsFile));

    /// <summary><c>projects/{ProjectId}/databases/{DatabaseId}</c>.</summary>
    public string DatabaseName => $"projects/{ProjectId}/databases/{DatabaseId}";

    /// <summary>Fills unset keys from the environment variables (as configuration keys) and the project id from the service account.</summary>
    internal static void ApplyFallbacks(FirestoreOptions options, IConfiguration configuration)
    {
        options.ProjectId = NullIfBlank(options.ProjectId);
        options.EmulatorHost = NullIfBlank(options.EmulatorHost) ?? NullIfBlank(configuration[EmulatorHostVariable]);
        options.CredentialsFile = NullIfBlank(options.CredentialsFile) ?? NullIfBlank(configuration[CredentialsFileVariable]);
        if (options.ProjectId is null && !options.UsesEmulator && options.CredentialsFile is not null
            && ServiceAccountFile.Inspect(options.CredentialsFile).ProjectId is { } projectId)
        {
            options.ProjectId = projectId;
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
