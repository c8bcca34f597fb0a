using System.Text.Json;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Contract;

/// <summary>
/// The API as a mobile team meets it: a client generated from <c>/openapi/v1.json</c> by openapi-typescript (npm, pinned;
/// nobody here wrote it), type-checked by <c>tsc --strict</c>, and run with openapi-fetch against the running portal: sign
/// in, list classes, start a session, join it, read the attendance. An API change that breaks the generated types fails
/// the type check; one that breaks the behaviour fails the run (generated-client/run-class-session.mts).
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class GeneratedClientTests(SessionsAppFactory app)
{
    private static readonly string Folder = Path.Combine("Sessions.Web.Tests", "Contract", "generated-client");

    [Fact]
    public async Task A_client_generated_from_the_openapi_document_compiles_strictly_and_runs_a_class_session()
    {
        var educator = await app.Data.EducatorAsync("Ms. Generated");
        var student = await app.Data.StudentAsync("Gen Student");
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, student));
        var generated = Directory.CreateDirectory(Path.Combine(PortalProcess.RepositoryRoot(), Folder, "generated"));
        using var http = app.CreateClient();
        await File.WriteAllTextAsync(Path.Combine(generated.FullName, "openapi.json"), await http.GetStringAsync("/openapi/v1.json"));

        await SucceedsAsync("openapi-typescript", ["node_modules/openapi-typescript/bin/cli.js", "generated/openapi.json", "--output", "generated/schema.d.ts"]);
        await SucceedsAsync("typescript", ["node_modules/typescript/bin/tsc", "--project", "tsconfig.json"]);
        var run = await SucceedsAsync("openapi-fetch", ["generated/out/run-class-session.mjs"], new Dictionary<string, string>
        {
            ["SESSIONS_URL"] = http.BaseAddress!.ToString(),
            ["EDUCATOR_EMAIL"] = educator.Email!,
            ["STUDENT_EMAIL"] = student.Email!,
            ["PASSWORD"] = TestData.Password,
        });

        using var outcome = JsonDocument.Parse(run.Output);
        Assert.Equal(session.Id, outcome.RootElement.GetProperty("sessionId").GetGuid());
        Assert.Equal(student.Id, outcome.RootElement.GetProperty("attendedBy").GetString());
        Assert.Equal(SessionStatus.InProgress, (await app.Data.ReloadAsync(session.Id)).Status);
    }

    private static async Task<NodeRun> SucceedsAsync(string package, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await NodeScript.RunAsync(Folder, package, arguments, environment);
        Assert.True(run.ExitCode == 0, $"node {string.Join(' ', arguments)}: {run}");
        return run;
    }
}
