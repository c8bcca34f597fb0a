namespace Sessions.Web.Infrastructure;

public static class StoredTime
{
    /// <summary>Now, to whole milliseconds: what the database stores and every client's ISO 8601 parser reads.</summary>
    public static DateTime StoredUtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
