using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Infrastructure.Http;

/// <summary>
/// A request the portal cannot read is the caller's mistake: a ProblemDetails with its own code, and one Information line
/// without a stack trace or the caller's whole value, so a flood of them cannot flood the log.
/// </summary>
public sealed class ClientErrorsTests : IAsyncLifetime
{
    private LogCapture Logs { get; set; } = default!;

    private SessionsAppFactory App { get; set; } = default!;

    /// <summary>An app of the test's own, so that its log holds only what the test caused.</summary>
    public Task InitializeAsync()
    {
        Logs = new LogCapture();
        App = new(TestDatabase.Create(), new Dictionary<string, string?>(), ownsDatabase: true, logs: Logs);
        return App.InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    [Fact]
    public async Task Malformed_json_is_a_validation_problem_logged_at_information_without_a_stack()
    {
        using var client = App.CreateClient();

        using var response = await client.PostAsync("/api/auth/login", new StringContent("{\"email\": \"a@b.c\", ", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var entry = Assert.Single(Logs.Entries, e => e.Category == typeof(ClientErrors).FullName);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains("POST /api/auth/login: 400", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task An_echoed_value_is_shortened_and_kept_on_one_line_in_the_log_and_the_answer()
    {
        using var client = await App.Data.ClientForAsync(await App.Data.EducatorAsync());
        var hostile = "forged\nfail: Sessions.Web[0] admin signed in " + new string('x', 5000);

        using var response = await client.GetAsync($"/api/sessions/{Uri.EscapeDataString(hostile)}/attendance");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.InRange(problem.GetProperty("detail").GetString()!.Length, 1, LogText.SentenceLength + 1);
        var entry = Assert.Single(Logs.Entries, e => e.Category == typeof(ClientErrors).FullName);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain('\n', entry.Message);
        Assert.InRange(entry.Message.Length, 1, 2 * LogText.ValueLength + LogText.SentenceLength);
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_payload_too_large()
    {
        using var portal = App.CreateClient();
        // The client waits for the server's answer to 100-continue (1 s by default) before it uploads anyway: on a busy
        // machine that upload would race the server's 413 and close, and end in a broken pipe instead of the answer.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = portal.BaseAddress };
        var limit = App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize!.Value;
        // Announced, not sent: with 100-continue the server answers before the client uploads the body.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new ByteArrayContent(new byte[limit + 1]) { Headers = { ContentType = new("application/json") } },
            Headers = { ExpectContinue = true },
        };

        using var response = await client.SendAsync(tooLarge);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
