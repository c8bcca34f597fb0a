using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;
using Sessions.Web.Tests.Infrastructure.Databases;

namespace Sessions.Web.Tests.Features.Notifications;

/// <summary>The mobile notifier end to end: session service → outbox → dispatcher → Google's Firestore emulator.</summary>
[Collection(NotifierFixtureGroup.Name)]
public sealed class SessionNotifierTests(NotifierFixture notifier)
{
    private SessionsAppFactory App => notifier.App;

    [Fact]
    public async Task A_start_writes_exactly_the_three_string_fields()
    {
        var (educator, session) = await LiveReadySessionAsync(App);

        await StartAsync(App, educator, session.Id);

        var document = await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "in_progress");
        Assert.Equal(["educatorId", "sessionId", "status"], document.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.All(document.Fields.Values, field => Assert.Equal(FirestoreValueKind.StringValue, field.Kind));
        Assert.Equal(educator.Id, document.Fields["educatorId"].Value);
        Assert.Equal(session.Id.ToString(), document.Fields["sessionId"].Value);
    }

    [Fact]
    public async Task An_end_marks_the_document_completed_with_the_stored_end_as_a_timestamp()
    {
        var (educator, session) = await LiveReadySessionAsync(App);
        await StartAsync(App, educator, session.Id);
        App.Time.Advance(TimeSpan.FromMinutes(12));

        await EndAsync(App, educator, session.Id);

        var document = await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "completed");
        var endedAt = document.Fields["endedAt"];
        Assert.Equal(FirestoreValueKind.TimestampValue, endedAt.Kind);
        Assert.Equal((await App.Data.ReloadAsync(session.Id)).ActualEndUtc, ((DateTime)endedAt.Value!).ToUniversalTime());
        Assert.Equal(session.Id.ToString(), document.Fields["sessionId"].Value);
    }

    [Fact]
    public async Task A_new_start_replaces_the_completed_document_of_the_previous_session()
    {
        var (educator, first) = await LiveReadySessionAsync(App);
        var second = await App.Data.SessionAsync(await App.Data.ClassAsync(educator, await App.Data.StudentAsync()));
        await StartAsync(App, educator, first.Id);
        await EndAsync(App, educator, first.Id);
        await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "completed");

        await StartAsync(App, educator, second.Id);

        var document = await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "in_progress");
        Assert.Equal(second.Id.ToString(), document.Fields["sessionId"].Value);
        Assert.False(document.Fields.ContainsKey("endedAt"));
    }

    [Fact]
    public async Task A_start_then_an_immediate_end_leaves_the_document_completed()
    {
        var (educator, session) = await LiveReadySessionAsync(App);

        await StartAsync(App, educator, session.Id);
        await EndAsync(App, educator, session.Id);

        await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "completed");
        await DrainOutboxAsync(App);
        Assert.Equal("completed", (await notifier.Firestore.ReadAsync(educator.Id, CancellationToken.None))!.StatusValue());
    }

    [Fact]
    public async Task Fifty_educators_starting_at_once_get_fifty_correct_documents()
    {
        var starts = new List<(AppUser Educator, Guid SessionId)>();
        for (var i = 0; i < 50; i++)
        {
            var (educator, session) = await LiveReadySessionAsync(App);
            starts.Add((educator, session.Id));
        }
        var sessions = App.Services.GetRequiredService<SessionService>();

        await Task.WhenAll(starts.Select(s => Task.Run(() =>
            sessions.StartAsync(TestData.ActorFor(s.Educator, AppRoles.Educator), s.SessionId, CancellationToken.None))));

        foreach (var (educator, sessionId) in starts)
        {
            var document = await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "in_progress");
            Assert.Equal(sessionId.ToString(), document.Fields["sessionId"].Value);
        }
    }

    [Fact]
    public async Task A_refused_start_writes_no_notification()
    {
        var educator = await App.Data.EducatorAsync();
        var session = await App.Data.SessionAsync(await App.Data.ClassAsync(educator));
        using var client = await App.Data.ClientForAsync(educator);

        await (await client.PostAsync($"/api/sessions/{session.Id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_students_enrolled");

        await using var db = await App.Data.DbAsync();
        Assert.False(await db.Outbox.AnyAsync(m => m.Key == educator.Id));
    }

    [Fact]
    public async Task While_the_emulator_is_down_starts_succeed_and_the_document_arrives_once_it_is_back()
    {
        var (educator, session) = await LiveReadySessionAsync(App);
        await notifier.Emulator.StopAsync();
        try
        {
            await StartAsync(App, educator, session.Id);
            Assert.Equal(SessionStatus.InProgress, (await App.Data.ReloadAsync(session.Id)).Status);
            await WaitForFailedAttemptAsync(App, educator.Id);
            App.Time.Advance(TimeSpan.FromSeconds(31));
            var degraded = await NotifierHealthAsync(App);
            Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
            Assert.True(degraded.GetProperty("data").GetProperty("backlog").GetInt32() >= 1);
            Assert.True(degraded.GetProperty("data").GetProperty("oldestUndeliveredAgeSeconds").GetDouble() >= 31);
        }
        finally
        {
            await notifier.Emulator.StartAgainAsync();
        }

        var document = await NotifierFixture.DocumentAsync(App, educator.Id, d => d.StatusValue() == "in_progress");
        await DrainOutboxAsync(App);
        var healthy = await NotifierHealthAsync(App);
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());
        Assert.Equal(0, healthy.GetProperty("data").GetProperty("backlog").GetInt32());
        var afterAnotherPass = await notifier.Firestore.ReadAsync(educator.Id, CancellationToken.None);
        Assert.Equal(document.UpdateTime, afterAnotherPass!.UpdateTime);
        await using var db = await App.Data.DbAsync();
        var row = await db.Outbox.SingleAsync(m => m.Key == educator.Id);
        Assert.Equal(OutboxState.Delivered, row.State);
        Assert.True(row.Attempts > 1);
    }

    [Fact]
    public async Task Rows_left_undelivered_when_the_app_stops_are_delivered_by_the_next_start()
    {
        var database = TestDatabase.Create();
        AppUser educator;
        await notifier.Emulator.StopAsync();
        try
        {
            var stopping = new SessionsAppFactory(database, notifier.Settings, ownsDatabase: false);
            await stopping.InitializeAsync();
            (educator, var session) = await LiveReadySessionAsync(stopping);
            await StartAsync(stopping, educator, session.Id);
            await WaitForFailedAttemptAsync(stopping, educator.Id);
            await ((IAsyncLifetime)stopping).DisposeAsync();
        }
        finally
        {
            await notifier.Emulator.StartAgainAsync();
        }

        await using var restarted = new SessionsAppFactory(database, notifier.Settings, ownsDatabase: true);
        await restarted.InitializeAsync();

        var document = await NotifierFixture.DocumentAsync(restarted, educator.Id, d => d.StatusValue() == "in_progress");
        Assert.Equal(educator.Id, document.Fields["educatorId"].Value);
    }

    private static async Task<JsonElement> NotifierHealthAsync(SessionsAppFactory app)
    {
        using var client = app.CreateClient();
        var health = await (await client.GetAsync("/health")).ShouldBeOkAsync();
        return health.GetProperty("checks").GetProperty(NotifierHealthCheck.Name);
    }

    private static async Task<(AppUser Educator, Session Session)> LiveReadySessionAsync(SessionsAppFactory app)
    {
        var educator = await app.Data.EducatorAsync();
        var session = await app.Data.SessionAsync(await app.Data.ClassAsync(educator, await app.Data.StudentAsync()));
        return (educator, session);
    }

    private static async Task StartAsync(SessionsAppFactory app, AppUser educator, Guid sessionId)
    {
        var result = await app.Services.GetRequiredService<SessionService>()
            .StartAsync(TestData.ActorFor(educator, AppRoles.Educator), sessionId, CancellationToken.None);
        Assert.Null(result.Error);
    }

    private static async Task EndAsync(SessionsAppFactory app, AppUser educator, Guid sessionId)
    {
        var result = await app.Services.GetRequiredService<SessionService>()
            .EndAsync(TestData.ActorFor(educator, AppRoles.Educator), sessionId, CancellationToken.None);
        Assert.Null(result.Error);
    }

    /// <summary>Runs dispatcher passes until nothing is left pending.</summary>
    private static async Task DrainOutboxAsync(SessionsAppFactory app)
    {
        var dispatcher = app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        await using var db = await app.Data.DbAsync();
        while (await db.Outbox.AnyAsync(m => m.State == OutboxState.Pending))
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await dispatcher.RunPassAsync(CancellationToken.None);
        }
    }

    /// <summary>Runs dispatcher passes until the educator's row has recorded a failed attempt.</summary>
    private static async Task WaitForFailedAttemptAsync(SessionsAppFactory app, string educatorId)
    {
        var dispatcher = app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        await using var db = await app.Data.DbAsync();
        while (!await db.Outbox.AnyAsync(m => m.Key == educatorId && m.State == OutboxState.Pending && m.Attempts > 0))
        {
            await dispatcher.RunPassAsync(CancellationToken.None);
        }
    }
}
