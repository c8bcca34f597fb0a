using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sessions.Web.Features.Attendance;
using Sessions.Web.Features.Classes;
using Sessions.Web.Features.Notifications;
using Sessions.Web.Features.Sessions;
using Sessions.Web.Tests.Infrastructure;

namespace Sessions.Web.Tests.Security;

/// <summary>
/// A fingerprint of the rows the portal's business lives in (sessions, classes, enrolments, attendance, the outbox), to
/// tell whether a request changed any of them. Accounts are left out: a refused sign-in rightly counts a failure.
/// </summary>
public sealed class BusinessTables(SessionsAppFactory app)
{
    private static readonly Type[] Entities = [typeof(Session), typeof(SchoolClass), typeof(Enrollment), typeof(AttendanceInterval), typeof(OutboxMessage)];

    public async Task<string> FingerprintAsync()
    {
        await using var db = await app.Data.DbAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new List<string>();
        foreach (var entity in Entities.Select(e => db.Model.FindEntityType(e)!))
        {
            var table = entity.GetTableName()!;
            // By primary key: an order every provider keeps (SQLite's rowid is its own).
            var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\""));
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {key}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            for (; await reader.ReadAsync(); rows++)
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    var value = reader.GetValue(column) switch
                    {
                        DBNull => "\u2400",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    };
                    hash.AppendData(Encoding.UTF8.GetBytes(value + "\u241F"));
                }
            }
            counts.Add($"{table} {rows}");
        }
        return $"{string.Join(", ", counts)} #{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }
}
