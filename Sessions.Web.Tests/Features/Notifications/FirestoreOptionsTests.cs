using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.Web.Features.Notifications;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>
/// Section <c>Firestore</c> as the app registers it: off unless configured, and enabled-but-misconfigured stops the
/// start naming the setting. The environment variables arrive as configuration keys, as the default host adds them.
/// </summary>
public sealed class FirestoreOptionsTests : IDisposable
{
    private const string SecretMarker = "DO-NOT-LOG-8f3a";
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-firestore-options-").FullName;

    [Fact]
    public async Task With_nothing_configured_the_client_is_off_and_opens_nothing()
    {
        using var host = await StartedHostAsync([]);
        var client = host.Services.GetRequiredService<FirestoreClient>();

        Assert.False(host.Services.GetRequiredService<IOptions<FirestoreOptions>>().Value.IsOn);
        Assert.False(client.IsOn);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.WriteSessionStartedAsync("e1", "1", CancellationToken.None));
    }

    [Fact]
    public async Task Enabled_false_turns_it_off_even_when_it_is_configured_badly()
    {
        using var host = await StartedHostAsync(new()
        {
            ["Firestore:Enabled"] = "false",
            ["Firestore:EmulatorHost"] = "http://not a host",
            ["Firestore:CredentialsFile"] = "/nowhere.json",
        });

        Assert.False(host.Services.GetRequiredService<FirestoreClient>().IsOn);
    }

    [Fact]
    public async Task The_emulator_host_and_credentials_fall_back_to_the_environment_variables_of_Google_s_clients()
    {
        using var host = await StartedHostAsync(new()
        {
            ["FIRESTORE_EMULATOR_HOST"] = "127.0.0.1:8681",
            ["GOOGLE_APPLICATION_CREDENTIALS"] = "/ignored-with-the-emulator.json",
            ["Firestore:ProjectId"] = "demo-sessions",
        });

        var options = host.Services.GetRequiredService<IOptions<FirestoreOptions>>().Value;
        Assert.True(options.IsOn);
        Assert.True(options.UsesEmulator);
        Assert.Equal("127.0.0.1:8681", options.EmulatorHost);
        Assert.Equal("projects/demo-sessions/databases/(default)", options.DatabaseName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CallTimeout);
    }

    [Fact]
    public async Task The_emulator_without_a_project_id_stops_the_start()
    {
        var failure = await StartFailsAsync(new() { ["Firestore:EmulatorHost"] = "127.0.0.1:8681" });

        Assert.Contains("Firestore:ProjectId is required", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8681")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:port")]
    [InlineData("127.0.0.1:70000")]
    [InlineData(":8681")]
    [InlineData("127.0.0.1:8681/path")]
    public async Task A_malformed_emulator_host_stops_the_start(string emulatorHost)
    {
        var failure = await StartFailsAsync(new() { ["Firestore:EmulatorHost"] = emulatorHost, ["Firestore:ProjectId"] = "demo-sessions" });

        Assert.Contains("Firestore:EmulatorHost", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:8681")]
    [InlineData("127.0.0.1:8681")]
    [InlineData("[::1]:8681")]
    [InlineData("firestore-emulator:8080")]
    public async Task Emulator_hosts_as_host_and_port_are_accepted(string emulatorHost)
    {
        using var host = await StartedHostAsync(new() { ["Firestore:EmulatorHost"] = emulatorHost, ["Firestore:ProjectId"] = "demo-sessions" });

        Assert.True(host.Services.GetRequiredService<FirestoreClient>().IsOn);
    }

    [Fact]
    public async Task Enabled_without_an_emulator_or_credentials_stops_the_start()
    {
        var failure = await StartFailsAsync(new() { ["Firestore:Enabled"] = "true", ["Firestore:ProjectId"] = "sessions-prod" });

        Assert.Contains("Firestore:CredentialsFile", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credentials_file_that_does_not_exist_stops_the_start()
    {
        var failure = await StartFailsAsync(new() { ["Firestore:CredentialsFile"] = Path.Combine(_folder, "missing.json") });

        Assert.Contains("Firestore:CredentialsFile", failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> NotServiceAccounts => new()
    {
        { "not json " + SecretMarker, "is not valid JSON" },
        { $$"""{"type":"authorized_user","client_secret":"{{SecretMarker}}","refresh_token":"{{SecretMarker}}"}""", "is not a service-account key" },
        { $$"""{"type":"service_account","project_id":"p","private_key":"{{SecretMarker}}"}""", "is not a complete service-account key" },
        { $$"""{"type":"service_account","project_id":"p","client_email":"a@p.iam.gserviceaccount.com","private_key":"{{SecretMarker}}"}""", "has a \"private_key\" that is not a PEM-encoded RSA key" },
    };

    [Theory]
    [MemberData(nameof(NotServiceAccounts))]
    public async Task A_credentials_file_that_is_not_a_service_account_stops_the_start_without_showing_its_contents(string contents, string expected)
    {
        var path = Path.Combine(_folder, "key.json");
        await File.WriteAllTextAsync(path, contents);

        var failure = await StartFailsAsync(new() { ["GOOGLE_APPLICATION_CREDENTIALS"] = path });

        Assert.Contains($"Firestore:CredentialsFile '{path}' {expected}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretMarker, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_account_key_supplies_the_project_id_and_nothing_is_contacted_before_the_first_call()
    {
        var path = ServiceAccountKey("sessions-from-key");

        using var host = await StartedHostAsync(new() { ["Firestore:CredentialsFile"] = path });

        var options = host.Services.GetRequiredService<IOptions<FirestoreOptions>>().Value;
        Assert.True(host.Services.GetRequiredService<FirestoreClient>().IsOn);
        Assert.False(options.UsesEmulator);
        Assert.Equal("sessions-from-key", options.ProjectId);
    }

    [Fact]
    public async Task A_configured_project_id_wins_over_the_key_s()
    {
        var path = ServiceAccountKey("sessions-from-key");

        using var host = await StartedHostAsync(new() { ["Firestore:CredentialsFile"] = path, ["Firestore:ProjectId"] = "sessions-configured" });

        Assert.Equal("sessions-configured", host.Services.GetRequiredService<IOptions<FirestoreOptions>>().Value.ProjectId);
    }

    [Fact]
    public async Task A_service_account_key_without_a_project_id_needs_one_configured()
    {
        var path = ServiceAccountKey(projectId: null);

        var failure = await StartFailsAsync(new() { ["Firestore:CredentialsFile"] = path });

        Assert.Contains("Firestore:ProjectId is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_id_that_would_break_the_resource_name_stops_the_start()
    {
        var failure = await StartFailsAsync(new() { ["Firestore:EmulatorHost"] = "127.0.0.1:8681", ["Firestore:ProjectId"] = "demo/other" });

        Assert.Contains("Firestore:ProjectId must be a project id", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ServiceAccountKey(string? projectId)
    {
        using var rsa = RSA.Create(2048);
        var key = new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["private_key_id"] = "0123456789abcdef",
            ["private_key"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = "notifier@sessions-from-key.iam.gserviceaccount.com",
            ["client_id"] = "123456789",
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        };
        if (projectId is not null)
        {
            key["project_id"] = projectId;
        }
        var path = Path.Combine(_folder, $"service-account-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(key));
        return path;
    }

    private static async Task<IHost> StartedHostAsync(Dictionary<string, string?> settings)
    {
        var host = BuildHost(settings);
        await host.StartAsync();
        return host;
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        using var host = BuildHost(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    // Only what is given here: no appsettings and no real environment variables leak in.
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFirestoreClient();
        return builder.Build();
    }
}
