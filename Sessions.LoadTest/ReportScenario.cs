using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Activity;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Chat;
using Sessions.Web.Features.Reports;
using Sessions.Web.Features.Sessions;

namespace Sessions.LoadTest;

/// <summary>
/// Session reports of a large class (docs/performance.md, "Session report (issue #18)"). <c>report-seed</c> turns the first
/// seeded session (run <c>seed --classes 1 --students-per-class 200</c> first) into a completed one of 60 minutes: every
/// student but a tenth attended, most in two stays and some with an overlapping reconnect; a chat message per attending
/// student every ~10 minutes; and <c>--activity</c> log entries of every kind (a hundredth of them issues). <c>report</c>
/// then reads <c>GET /api/sessions/{id}/report</c> as the load admin, timed over HTTP from request to the whole body read,
/// and the same report through <see cref="SessionReports"/> in this process (no HTTP, JSON or authentication).
/// </summary>
internal static class ReportScenario
{
    private const string SessionTitle = "Load session 1";

    private static readonly string[] OtherKinds = [.. ActivityKinds.All.Where(k => k != ActivityKinds.Issue)];

    public static async Task SeedAsync(Arguments args)
    {
        var database = LoadDatabase.From(args);
        var activity = args.Number("activity", 20_000);
        await using var db = database.Open();
        var session = await db.Sessions.SingleAsync(s => s.Title == SessionTitle);
        if (await db.ActivityEntries.AnyAsync(e => e.SessionId == session.Id))
        {
            Console.WriteLine($"{database.Name} already has the report's session {session.Id}.");
            return;
        }
        var students = await db.Enrollments.Where(e => e.ClassId == session.ClassId).OrderBy(e => e.StudentId).Select(e => e.StudentId).ToListAsync();
        var start = DateTime.UtcNow.AddHours(-2);
        var end = start.AddMinutes(60);
        session.Status = SessionStatus.Completed;
        session.ScheduledStartUtc = start.AddMinutes(-3);
        session.DurationMinutes = 60;
        session.ActualStartUtc = start;
        session.ActualEndUtc = end;
        var random = new Random(18);
        var attending = students.Where((_, i) => i % 10 != 9).ToList();
        foreach (var student in attending)
        {
            var joined = start.AddMinutes(random.Next(0, 12));
            var left = joined.AddMinutes(random.Next(10, 25));
            db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = student, JoinedUtc = joined, LeftUtc = left });
            var back = left.AddMinutes(random.Next(1, 5));
            db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = student, JoinedUtc = back, LeftUtc = end });
            if (random.Next(4) == 0)
            {
                db.Attendance.Add(new AttendanceInterval { SessionId = session.Id, UserId = student, JoinedUtc = back.AddMinutes(-2), LeftUtc = back.AddMinutes(5) });
            }
            for (var minute = random.Next(10); minute < 60; minute += 10)
            {
                db.ChatMessages.Add(new ChatMessage
                {
                    SessionId = session.Id, SenderId = student, SenderRole = ChatRoles.Student, ClientMessageId = Guid.NewGuid(),
                    Text = "Could you repeat the second step?", SentUtc = start.AddMinutes(minute),
                });
            }
        }
        for (var i = 0; i < activity; i++)
        {
            var kind = i % 100 == 0 ? ActivityKinds.Issue : OtherKinds[i % OtherKinds.Length];
            db.ActivityEntries.Add(new ActivityEntry
            {
                SessionId = session.Id,
                AtUtc = start.AddMilliseconds(3600_000.0 * i / activity),
                Kind = kind,
                ActorId = kind == ActivityKinds.Note ? session.EducatorId : attending[i % attending.Count],
                Data = kind is ActivityKinds.Issue or ActivityKinds.Note ? """{"text":"I can't hear the teacher."}""" : null,
            });
        }
        var clock = Stopwatch.StartNew();
        await db.SaveChangesAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Completed {session.Id}: {students.Count} students, {attending.Count} attended, {activity:N0} activity entries, in {clock.Elapsed.TotalSeconds:0.0} s."));
    }

    public static async Task RunAsync(Arguments args)
    {
        var url = new Uri(args.Text("url"));
        var database = LoadDatabase.From(args);
        var reads = args.Number("reads", 500);
        var warmup = args.Number("warmup", 50);
        // The JSON, or the PDF made from the same report on every read.
        var pdf = args.Text("format", "json") switch
        {
            "json" => false,
            "pdf" => true,
            var other => throw new ArgumentException($"--format must be json or pdf, not {other}."),
        };
        Guid sessionId;
        string adminId;
        await using (var db = database.Open())
        {
            sessionId = await db.Sessions.Where(s => s.Title == SessionTitle && s.Status == SessionStatus.Completed).Select(s => s.Id).SingleAsync();
            adminId = await db.Users.Where(u => u.Email == LargeSeed.AdminEmail).Select(u => u.Id).SingleAsync();
        }

        using var portal = new PortalClient(url);
        var token = await portal.TokenAsync(LargeSeed.AdminEmail, LargeSeed.Password);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var servers = ServerFigures.From(args, url);
        var bytes = 0L;
        async Task<double> ReadAsync()
        {
            var clock = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(pdf ? $"/api/sessions/{sessionId}/report.pdf?paper=a4" : $"/api/sessions/{sessionId}/report", UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            var milliseconds = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            return milliseconds;
        }
        for (var i = 0; i < warmup; i++)
        {
            await ReadAsync();
        }
        var before = await servers.ReadAsync(collect: true);
        var timings = new List<double>(reads);
        for (var i = 0; i < reads; i++)
        {
            timings.Add(await ReadAsync());
        }
        var after = await servers.ReadAsync(collect: false);
        var afterCollect = await servers.ReadAsync(collect: true);
        var http99 = Percentiles.Of(timings);
        var inProcess = database.IsSqlite && !pdf ? await ServiceCallsAsync(database, sessionId, adminId, warmup, reads) : null;
        var (cpuBefore, cpuAfter) = (ServerFigures.Total(before), ServerFigures.Total(after));
        var result = new
        {
            scenario = pdf ? "report-pdf" : "report",
            students = await CountAsync(database, db => db.Enrollments.CountAsync(e => db.Sessions.Any(s => s.Id == sessionId && s.ClassId == e.ClassId))),
            attendanceIntervals = await CountAsync(database, db => db.Attendance.CountAsync(a => a.SessionId == sessionId)),
            chatMessages = await CountAsync(database, db => db.ChatMessages.CountAsync(m => m.SessionId == sessionId)),
            activityEntries = await CountAsync(database, db => db.ActivityEntries.CountAsync(e => e.SessionId == sessionId)),
            responseBytes = bytes,
            warmUpReads = warmup,
            http = http99,
            serviceCall = inProcess,
            serverCpuMsPerRead = cpuBefore is { } b && cpuAfter is { } a ? Math.Round((a.ProcessorSeconds - b.ProcessorSeconds) * 1000 / reads, 2) : (double?)null,
            // After the reads, before and after a full collection: what the reads left allocated, and what stays.
            serverMemory = cpuAfter,
            serverMemoryAfterCollection = ServerFigures.Total(afterCollect),
            loadAverage = File.ReadAllText("/proc/loadavg").Trim(),
        };
        JsonReport.Write(result.scenario, result, args);
        Console.WriteLine($"GET report{(pdf ? ".pdf" : "")} over HTTP: {http99}; {bytes:N0} bytes");
        if (inProcess is { } calls)
        {
            Console.WriteLine($"SessionReports.ReadAsync alone: {calls}");
        }
    }

    private static async Task<Percentiles> ServiceCallsAsync(LoadDatabase database, Guid sessionId, string adminId, int warmup, int reads)
    {
        var admin = new SessionActor(adminId, IsAdmin: true, IsEducator: false);
        await using var portal = InProcessPortal.Over(database.Name);
        portal.Build();
        var reports = portal.App.Services.GetRequiredService<SessionReports>();
        var timings = new List<double>(reads);
        for (var i = 0; i < warmup + reads; i++)
        {
            var clock = Stopwatch.GetTimestamp();
            var report = await reports.ReadAsync(admin, sessionId, CancellationToken.None);
            var milliseconds = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            if (report.Error is { } error)
            {
                throw new InvalidOperationException($"SessionReports refused the report: {error}");
            }
            if (i >= warmup)
            {
                timings.Add(milliseconds);
            }
        }
        return Percentiles.Of(timings);
    }

    private static async Task<int> CountAsync(LoadDatabase database, Func<Sessions.Web.Infrastructure.Data.SessionsDbContext, Task<int>> count)
    {
        await using var db = database.Open();
        return await count(db);
    }
}
