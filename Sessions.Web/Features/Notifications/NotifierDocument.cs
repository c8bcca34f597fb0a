using Wire = Sessions.Web.Features.Notifications.Wire;

namespace Sessions.Web.Features.Notifications;

/// <summary>The document contract the mobile apps listen to (spec §1).</summary>
public static class NotifierContract
{
    public const string Collection = "sessions_in_progress";

    public const string EducatorIdField = "educatorId";
    public const string SessionIdField = "sessionId";
    public const string StatusField = "status";
    public const string EndedAtField = "endedAt";

    public const string InProgress = "in_progress";
    public const string Completed = "completed";
}

/// <summary>A <c>sessions_in_progress</c> document as read back, each field with the Firestore value type it is stored as.</summary>
/// <param name="Name">The full resource name.</param>
public sealed record NotifierDocument(
    string Name,
    IReadOnlyDictionary<string, FirestoreField> Fields,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    internal static NotifierDocument From(Wire.Document document) => new(
        document.Name,
        document.Fields.ToDictionary(field => field.Key, field => FirestoreField.From(field.Value), StringComparer.Ordinal),
        document.CreateTime.ToDateTime(),
        document.UpdateTime.ToDateTime());
}

/// <summary>
/// Which case of Firestore's <c>Value</c> oneof is set (<c>string_value</c>, <c>timestamp_value</c>, …);
/// <see cref="Other"/> for the cases our proto leaves out (maps, arrays, bytes, references, geo points).
/// </summary>
public enum FirestoreValueKind
{
    Other,
    NullValue,
    BooleanValue,
    IntegerValue,
    DoubleValue,
    TimestampValue,
    StringValue,
}

/// <param name="Value">A <see cref="string"/>, a UTC <see cref="DateTime"/>, a <see cref="bool"/>, a <see cref="long"/>, a <see cref="double"/>, or null.</param>
public sealed record FirestoreField(FirestoreValueKind Kind, object? Value)
{
    internal static FirestoreField From(Wire.Value value) => value.ValueTypeCase switch
    {
        Wire.Value.ValueTypeOneofCase.StringValue => new(FirestoreValueKind.StringValue, value.StringValue),
        Wire.Value.ValueTypeOneofCase.TimestampValue => new(FirestoreValueKind.TimestampValue, value.TimestampValue.ToDateTime()),
        Wire.Value.ValueTypeOneofCase.BooleanValue => new(FirestoreValueKind.BooleanValue, value.BooleanValue),
        Wire.Value.ValueTypeOneofCase.IntegerValue => new(FirestoreValueKind.IntegerValue, value.IntegerValue),
        Wire.Value.ValueTypeOneofCase.DoubleValue => new(FirestoreValueKind.DoubleValue, value.DoubleValue),
        Wire.Value.ValueTypeOneofCase.NullValue => new(FirestoreValueKind.NullValue, null),
        _ => new(FirestoreValueKind.Other, null),
    };
}
