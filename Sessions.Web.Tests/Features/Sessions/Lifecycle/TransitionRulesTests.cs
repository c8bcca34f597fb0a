using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Features.Sessions.Lifecycle;

/// <summary>
/// Every lifecycle action on a session in every status, through the API and through the services the pages call:
/// the allowed ones succeed, the others answer 409 <c>invalid_status</c> naming the current status and change nothing.
/// </summary>
[Collection(AppFixtureGroup.Name)]
public sealed class TransitionRulesTests(SessionsAppFactory app)
{
    public enum Action { Start, Cancel, End, Edit }

    /// <summary>Null: allowed (200). Starting or ending what already is live or completed answers it as it is.</summary>
    public static TheoryData<SessionStatus, Action, SessionStatus?> Table() => new()
    {
        { SessionStatus.Scheduled, Action.Start, SessionStatus.InProgress },
        { SessionStatus.Scheduled, Action.Cancel, SessionStatus.Cancelled },
        { SessionStatus.Scheduled, Action.End, null },
        { SessionStatus.Scheduled, Action.Edit, SessionStatus.Scheduled },
        { SessionStatus.InProgress, Action.Start, SessionStatus.InProgress },
        { SessionStatus.InProgress, Action.Cancel, null },
        { SessionStatus.InProgress, Action.End, SessionStatus.Completed },
        { SessionStatus.InProgress, Action.Edit, null },
        { SessionStatus.EndRequestPending, Action.Start, SessionStatus.EndRequestPending },
        { SessionStatus.EndRequestPending, Action.Cancel, null },
        { SessionStatus.EndRequestPending, Action.End, SessionStatus.Completed },
        { SessionStatus.EndRequestPending, Action.Edit, null },
        { SessionStatus.Completed, Action.Start, null },
        { SessionStatus.Completed, Action.Cancel, null },
        { SessionStatus.Completed, Action.End, SessionStatus.Completed },
        { SessionStatus.Completed, Action.Edit, null },
        { SessionStatus.Cancelled, Action.Start, null },
        { SessionStatus.Cancelled, Action.Cancel, null },
        { SessionStatus.Cancelled, Action.End, null },
        { SessionStatus.Cancelled, Action.Edit, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Through_the_api(SessionStatus status, Action action, SessionStatus? after)
    {
        var arranged = await app.SessionInAsync(status);
        using var client = await app.Data.ClientForAsync(arranged.Educator);
        var id = arranged.Session.Id;

        using var response = action switch
        {
            Action.Start => await client.PostAsync($"/api/sessions/{id}/start", null),
            Action.Cancel => await client.PostAsJsonAsync($"/api/sessions/{id}/cancel", new { reason = "Field trip" }),
            Action.End => await client.PostAsync($"/api/sessions/{id}/end", null),
            _ => await client.PatchAsJsonAsync($"/api/sessions/{id}", new { title = "Renamed" }),
        };

        if (after is { } expected)
        {
            await response.ShouldBeOkAsync();
            Assert.Equal(expected, (await app.Data.ReloadAsync(id)).Status);
        }
        else
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_status");
            Assert.Equal(WireNames.Of(status), problem.GetProperty("currentStatus").GetString());
            Assert.Equal(status, (await app.Data.ReloadAsync(id)).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Through_the_services_the_pages_call(SessionStatus status, Action action, SessionStatus? after)
    {
        var arranged = await app.SessionInAsync(status);
        var sessions = app.Services.GetRequiredService<SessionService>();
        var bookings = app.Services.GetRequiredService<SessionBookings>();
        var id = arranged.Session.Id;

        var error = action switch
        {
            Action.Start => (await sessions.StartAsync(arranged.Owner, id, default)).Error,
            Action.Cancel => (await bookings.CancelAsync(arranged.Owner, id, "Field trip", default)).Error,
            Action.End => (await sessions.EndAsync(arranged.Owner, id, default)).Error,
            _ => (await bookings.UpdateAsync(arranged.Owner, id, new SessionChanges(Title: "Renamed"), default)).Error,
        };

        var stored = await app.Data.ReloadAsync(id);
        if (after is { } expected)
        {
            Assert.Null(error);
            Assert.Equal(expected, stored.Status);
        }
        else
        {
            Assert.Equal(("invalid_status", 409), (error!.Code, error.StatusCode));
            Assert.Equal(WireNames.Of(status), error.Details!["currentStatus"]);
            Assert.Equal(status, stored.Status);
        }
    }
}
