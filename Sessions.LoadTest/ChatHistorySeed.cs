using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sessions.LoadTest;

/// <summary>
/// The <c>chat-seed</c> command: stores <c>--messages</c> chat messages spread round-robin over the first <c>--sessions</c>
/// seeded sessions (run <c>seed</c> first), written by each session's educator and one of its students in turn, as a school's
/// chat history after months of lessons. A million rows through EF Core would take minutes, so they go into the SQLite file
/// directly with one prepared INSERT in one transaction; only SQLite is supported. Seeding tops up to the count asked.
/// </summary>
internal static class ChatHistorySeed
{
    public static async Task RunAsync(Arguments args)
    {
        var database = LoadDatabase.From(args);
        if (!database.IsSqlite)
        {
            throw new ArgumentException("chat-seed writes a SQLite file directly; --provider Postgres is not supported.");
        }
        var wanted = args.Number("messages", 1_000_000);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var stored = await ScalarAsync(connection, """SELECT COUNT(*) FROM "ChatMessages" """);
        if (stored >= wanted)
        {
            Console.WriteLine($"{database.Name} already has {stored:N0} chat messages.");
            return;
        }
        var sessions = await SessionsAsync(connection, args.Number("sessions", 1_000));
        var clock = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "ChatMessages" ("SessionId", "SenderId", "SenderRole", "ClientMessageId", "Text", "SentUtc")
            VALUES ($session, $sender, $role, $client, $text, $sent)
            """;
        var session = insert.Parameters.Add("$session", SqliteType.Text);
        var sender = insert.Parameters.Add("$sender", SqliteType.Text);
        var role = insert.Parameters.Add("$role", SqliteType.Text);
        var client = insert.Parameters.Add("$client", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var sent = insert.Parameters.Add("$sent", SqliteType.Text);
        await insert.PrepareAsync();
        // A message a second, oldest first, ending now: ids and times grow together as they do when the app stores them.
        var firstSent = DateTime.UtcNow.AddSeconds(-(wanted - stored));
        for (var i = stored; i < wanted; i++)
        {
            var (sessionId, educatorId, studentId) = sessions[(int)(i % sessions.Count)];
            var byEducator = i / sessions.Count % 2 == 0;
            session.Value = sessionId;
            sender.Value = byEducator ? educatorId : studentId;
            role.Value = byEducator ? "educator" : "student";
            // EF Core stores a Guid as upper-case text and a DateTime in this form; the app reads these rows as its own.
            client.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            text.Value = string.Create(CultureInfo.InvariantCulture, $"Message {i}: could you explain the second step of exercise {i % 12} again, please?");
            sent.Value = firstSent.AddSeconds(i - stored).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        Console.WriteLine($"Stored {wanted - stored:N0} chat messages over {sessions.Count} sessions in {clock.Elapsed.TotalSeconds:0.0} s ({wanted:N0} in all).");
    }

    /// <summary>The first seeded sessions, each with its educator and one student, as stored (ids as the app wrote them).</summary>
    private static async Task<List<(string SessionId, string EducatorId, string StudentId)>> SessionsAsync(SqliteConnection connection, int count)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s."Id", s."EducatorId", MIN(e."StudentId")
            FROM "Sessions" s JOIN "Enrollments" e ON e."ClassId" = s."ClassId"
            WHERE s."Title" LIKE 'Load session %'
            GROUP BY s."Id", s."EducatorId", s."ClassId"
            ORDER BY s."ClassId"
            LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        var sessions = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sessions.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return sessions.Count == count
            ? sessions
            : throw new InvalidOperationException($"Only {sessions.Count} seeded sessions with a student; seed {count} classes first.");
    }

    /// <summary>The sessions that have chat messages, and the highest message id: what history reads pick from.</summary>
    public static async Task<(List<Guid> Sessions, long MaxMessageId)> StoredAsync(LoadDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT DISTINCT "SessionId" FROM "ChatMessages" """;
        var sessions = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                sessions.Add(Guid.Parse(reader.GetString(0)));
            }
        }
        return (sessions, await ScalarAsync(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "ChatMessages" """));
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
