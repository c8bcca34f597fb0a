using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// Every stored instant is UTC. SQLite hands them back without a kind, and Npgsql refuses to write an unspecified kind
/// into <c>timestamp with time zone</c>: marking both directions Utc makes both providers read and write the same values.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
