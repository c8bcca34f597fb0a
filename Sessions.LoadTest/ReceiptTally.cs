using System.Diagnostics;

namespace Sessions.LoadTest;

/// <summary>
/// What the students heard, against what they should have: one receipt per connected student of each started class.
/// A receipt for another class's session, or for a start that was refused, counts as unexpected.
/// </summary>
internal sealed record ReceiptTally(int Expected, int Received, int Missing, int Duplicates, int Unexpected, Percentiles StartToReceived)
{
    public static ReceiptTally Of(
        IReadOnlyDictionary<Guid, long> sentAt, IReadOnlyDictionary<Guid, int[]> expectedStudents, IEnumerable<Receipt> receipts)
    {
        var heard = new HashSet<(int Student, Guid Subject)>();
        var latencies = new List<double>();
        int duplicates = 0, unexpected = 0;
        foreach (var receipt in receipts)
        {
            if (!expectedStudents.TryGetValue(receipt.Subject, out var students) || Array.IndexOf(students, receipt.Student) < 0)
            {
                unexpected++;
            }
            else if (!heard.Add((receipt.Student, receipt.Subject)))
            {
                duplicates++;
            }
            else
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[receipt.Subject], receipt.Timestamp).TotalMilliseconds);
            }
        }
        var expected = expectedStudents.Values.Sum(students => students.Length);
        return new ReceiptTally(expected, heard.Count, expected - heard.Count, duplicates, unexpected, Percentiles.Of(latencies));
    }
}
