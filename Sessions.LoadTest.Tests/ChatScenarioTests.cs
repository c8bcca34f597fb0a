using System.Text.Json;

namespace Sessions.LoadTest.Tests;

/// <summary>The chat scenarios on a tiny load, end to end; their figures are for docs/performance.md, never asserted here.</summary>
public sealed class ChatScenarioTests() : SeededLoadTest(classes: 2, studentsPerClass: 3)
{
    [Fact]
    public async Task Every_message_of_a_chat_run_reaches_every_other_member_of_its_room_once_and_nobody_else()
    {
        await using var portal = await StartPortalAsync();
        var resultPath = Path.Combine(Folder, "chat.json");

        // 2 rooms of 4 members (the educator and 3 students), a message from each member every second for 3 s.
        await ChatScenario.RunAsync(new Arguments(
        [
            "--url", portal.Url.ToString(), "--database", DatabasePath, "--rooms", "2", "--interval", "1", "--duration", "3",
            "--timeout", "60", "--out", resultPath,
        ]));

        var result = JsonDocument.Parse(await File.ReadAllTextAsync(resultPath)).RootElement;
        var receipts = result.GetProperty("receipts");
        Assert.Equal(8, result.GetProperty("connected").GetInt32());
        Assert.Equal(24, result.GetProperty("messagesStored").GetInt32());
        Assert.Equal(24 * 3, receipts.GetProperty("expected").GetInt32());
        Assert.Equal(24 * 3, receipts.GetProperty("received").GetInt32());
        Assert.Equal(0, receipts.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, receipts.GetProperty("unexpected").GetInt32());
        Assert.Equal(24, result.GetProperty("ownEchoes").GetProperty("heard").GetInt32());
        Assert.Equal(0, result.GetProperty("errors").GetInt32());
        Assert.True(result.GetProperty("serverMemory").GetProperty("connected").GetProperty("residentBytes").GetInt64() > 0, portal.Log);
    }

    [Fact]
    public async Task Bulk_seeded_messages_are_read_back_by_the_portal_as_its_own_history_pages()
    {
        await ChatHistorySeed.RunAsync(new Arguments(["--database", DatabasePath, "--sessions", "2", "--messages", "300"]));
        await using var portal = await StartPortalAsync();
        var resultPath = Path.Combine(Folder, "chat-history.json");

        await ChatHistoryScenario.RunAsync(new Arguments(
        [
            "--url", portal.Url.ToString(), "--database", DatabasePath, "--reads", "20", "--warmup", "4", "--out", resultPath,
        ]));

        var result = JsonDocument.Parse(await File.ReadAllTextAsync(resultPath)).RootElement;
        Assert.Equal(300, result.GetProperty("storedMessages").GetInt64());
        Assert.Equal(2, result.GetProperty("sessionsWithMessages").GetInt32());
        Assert.Equal(0, result.GetProperty("errors").GetInt32());
        Assert.Equal(20, result.GetProperty("newestPage").GetProperty("latency").GetProperty("count").GetInt32());
        Assert.Equal(50, result.GetProperty("newestPage").GetProperty("messagesPerPage").GetDouble());
        Assert.InRange(result.GetProperty("pageBeforeRandomMessage").GetProperty("messagesPerPage").GetDouble(), 0.1, 50);
        Assert.Equal(20, result.GetProperty("serviceCallNewestPage").GetProperty("count").GetInt32());
    }

    [Fact]
    public void The_schedule_has_each_member_send_once_a_round_with_the_rooms_interleaved()
    {
        var plan = ChatScenario.Schedule(rooms: 2, membersPerRoom: 3, rounds: 2);

        Assert.Equal([0, 3, 1, 4, 2, 5, 0, 3, 1, 4, 2, 5], plan.Select(s => s.Member));
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], plan.Select(s => s.Round));
    }
}
