using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Sessions.LoadTest;

/// <summary>
/// Live chat in many rooms at once: each seeded session is started (a live room), its educator and every student hold a hub
/// connection, and every member posts a message every <c>--interval</c> seconds through the API, the members' sends spread
/// evenly over the interval. Measures, per message, the time from sending it to each other member's <c>ChatMessagePosted</c>.
/// </summary>
internal static class ChatScenario
{
    public static async Task RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var interval = args.Seconds("interval", 2);
        var duration = args.Seconds("duration", 60);
        using var run = new CancellationTokenSource(args.Seconds("timeout", 600));
        var rooms = await SeededSessions.NotStartedAsync(LoadDatabase.From(args), args.Number("rooms", 50));
        // Member numbers are positions in this list, as the connections number them: each room's educator, then its students.
        var members = rooms.SelectMany(room => room.MemberEmails.Select(email => new Member(room, email))).ToList();
        var membersOf = rooms.ToDictionary(room => room.SessionId, room => Enumerable.Range(0, members.Count).Where(m => members[m].Room == room).ToArray());

        using var portal = new PortalClient(url);
        await portal.SignInAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        var tokens = await StudentTokens.ForStudentsAsync(portal, members.ConvertAll(m => m.Email), args, run.Token);
        // Only a live session takes messages; starting the rooms also warms the portal's session path up.
        foreach (var room in rooms)
        {
            await portal.StartAsync(room.SessionId);
        }

        using var servers = ServerFigures.From(args, url);
        var beforeConnect = await servers.ReadAsync(collect: true);
        var clock = Stopwatch.StartNew();
        await using var connections = await IStudentListeners.OpenAsync(args, url, [.. members.Select(m => tokens[m.Email])], run.Token);
        var connectSeconds = clock.Elapsed.TotalSeconds;
        var connected = await servers.ReadAsync(collect: true);
        Console.WriteLine($"{connections.Connected.Count} of {members.Count} members connected in {connectSeconds:0.0} s");

        var warmUp = await WarmUpAsync(portal, rooms, tokens, run.Token);
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var senderOf = new ConcurrentDictionary<Guid, int>();
        var sendMs = new ConcurrentBag<double>();
        var refusals = new ConcurrentDictionary<string, int>();
        var expectedMembers = new ConcurrentDictionary<Guid, int[]>();
        var cpu = new CpuMeter(servers, connections, CpuMeter.Watched(args));
        var cpuBefore = await cpu.ReadAsync();
        var receiptsBefore = connections.Receipts.Count;
        var plan = Schedule(rooms.Count, members.Count / rooms.Count, (int)Math.Round(duration / interval));
        var perSecond = members.Count / interval.TotalSeconds;
        var firstSend = Stopwatch.GetTimestamp();
        // The cap only guards against a schedule that falls far behind; the plan itself ends one interval before it.
        var sent = await StartPacer.RunAsync(plan, perSecond, duration + interval, args.Number("max-in-flight", 256), async send =>
        {
            var clientMessageId = Guid.NewGuid();
            var sending = Stopwatch.GetTimestamp();
            sentAt[clientMessageId] = sending;
            senderOf[clientMessageId] = send.Member;
            var member = members[send.Member];
            var text = string.Create(CultureInfo.InvariantCulture, $"Message {send.Round} from member {send.Member}: a question about exercise {send.Round % 7}?");
            var status = await HttpOutcome.OfAsync(() => portal.SendChatMessageAsync(tokens[member.Email], member.Room.SessionId, clientMessageId, text, run.Token));
            sendMs.Add(Stopwatch.GetElapsedTime(sending).TotalMilliseconds);
            if (status == nameof(HttpStatusCode.Created))
            {
                expectedMembers[clientMessageId] = [.. membersOf[member.Room.SessionId].Where(m => m != send.Member && connections.Connected.Contains(m))];
            }
            else
            {
                refusals.AddOrUpdate(status, 1, (_, count) => count + 1);
            }
        }, run.Token);
        var sendSeconds = Stopwatch.GetElapsedTime(firstSend).TotalSeconds;

        // Senders hear their own message too (they are in the room's group): expected, but not another member's receipt.
        var echoes = expectedMembers.Keys.Count(id => connections.Connected.Contains(senderOf[id]));
        await FanoutScenario.WaitForReceiptsAsync(connections, receiptsBefore + expectedMembers.Values.Sum(m => m.Length) + echoes,
            args.Seconds("receipt-timeout", 10), run.Token);
        var cpuAfter = await cpu.ReadAsync();
        var after = await servers.ReadAsync(collect: false);
        var measured = connections.Receipts.Where(r => !warmUp.Contains(r.Subject)).ToList();
        bool IsEcho(Receipt receipt) => senderOf.TryGetValue(receipt.Subject, out var sender) && sender == receipt.Student;
        var ownEchoes = measured.Count(IsEcho);
        var tally = ReceiptTally.Of(sentAt, expectedMembers, measured.Where(r => !IsEcho(r)));
        var lastReceipt = measured.Count == 0 ? firstSend : measured.Max(r => r.Timestamp);
        var deliverySeconds = Stopwatch.GetElapsedTime(firstSend, lastReceipt).TotalSeconds;
        var errors = refusals.Values.Sum() + tally.Missing + tally.Duplicates + tally.Unexpected + connections.Failures + connections.Closed;
        var result = new
        {
            scenario = "chat",
            rooms = rooms.Count,
            membersPerRoom = members.Count / rooms.Count,
            members = members.Count,
            connected = connections.Connected.Count,
            intervalSeconds = interval.TotalSeconds,
            targetMessagesPerSecond = Math.Round(perSecond, 1),
            messagesSent = sent,
            messagesStored = expectedMembers.Count,
            messagesPerSecond = Math.Round(expectedMembers.Count / sendSeconds, 1),
            deliveriesPerSecond = Math.Round(tally.Received / Math.Max(deliverySeconds, 1e-9), 1),
            send = Percentiles.Of(sendMs),
            receipts = tally,
            ownEchoes = new { expected = echoes, heard = ownEchoes },
            errors,
            refusals,
            connectFailures = connections.Failures,
            firstConnectFailure = connections.FirstFailure,
            connectionsClosedDuringRun = connections.Closed,
            seconds = new { connect = Math.Round(connectSeconds, 2), sending = Math.Round(sendSeconds, 2), lastReceipt = Math.Round(deliverySeconds, 2) },
            serverMemory = new
            {
                idle = ServerFigures.Total(beforeConnect),
                connected = ServerFigures.Total(connected),
                afterMessages = ServerFigures.Total(after),
                perConnection = MemoryDelta.PerItem(ServerFigures.Total(beforeConnect), ServerFigures.Total(connected), connections.Connected.Count),
            },
            // From the first send until the receipts are in: cores each process kept busy, and CPU ms per stored message.
            coresBusy = CpuMeter.Between(cpuBefore, cpuAfter, deliverySeconds, 1),
            cpuMsPerMessage = CpuMeter.Between(cpuBefore, cpuAfter, expectedMembers.Count, 1000),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.messagesStored} of {sent} messages stored at {result.messagesPerSecond}/s (target {result.targetMessagesPerSecond}/s), " +
            $"{result.deliveriesPerSecond} deliveries/s"));
        Console.WriteLine($"send (HTTP 201):            {result.send}");
        Console.WriteLine($"send → ChatMessagePosted:   {tally.StartToReceived}");
        Console.WriteLine($"receipts {tally.Received}/{tally.Expected}, missing {tally.Missing}, duplicates {tally.Duplicates}, " +
            $"unexpected {tally.Unexpected}; errors {errors}");
        Console.WriteLine($"cores busy: {string.Join(", ", result.coresBusy.Select(c => $"{c.Key} {c.Value}"))}");
    }

    /// <summary>
    /// Who sends when: in each round every member once, the rooms interleaved (room 0's member 0, room 1's member 0, …), so that
    /// paced at members / interval per second each member sends once per interval and the sends of a room are spread over it.
    /// </summary>
    internal static List<Send> Schedule(int rooms, int membersPerRoom, int rounds) =>
        [.. from round in Enumerable.Range(0, rounds)
            from seat in Enumerable.Range(0, membersPerRoom)
            from room in Enumerable.Range(0, rooms)
            select new Send(round, room * membersPerRoom + seat)];

    /// <summary>
    /// One message from each room's educator (never rate limited) before the measured run, so that the first measured messages
    /// do not pay for EF Core's query compilation and the JIT of the send path; their receipts are left out of the figures.
    /// </summary>
    private static async Task<HashSet<Guid>> WarmUpAsync(
        PortalClient portal, IReadOnlyList<SeededSession> rooms, Dictionary<string, string> tokens, CancellationToken ct)
    {
        var warmUp = new HashSet<Guid>();
        foreach (var room in rooms)
        {
            var id = Guid.NewGuid();
            warmUp.Add(id);
            var status = await portal.SendChatMessageAsync(tokens[room.EducatorEmail], room.SessionId, id, "Welcome, everyone.", ct);
            if (status != HttpStatusCode.Created)
            {
                throw new HttpRequestException($"The warm-up message in {room.SessionId} answered {(int)status}.");
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        return warmUp;
    }

    private sealed record Member(SeededSession Room, string Email);

    internal readonly record struct Send(int Round, int Member);
}
