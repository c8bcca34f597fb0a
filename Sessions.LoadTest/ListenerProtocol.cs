using System.Diagnostics;
using System.Globalization;

namespace Sessions.LoadTest;

/// <summary>
/// The lines a listener process writes to its standard output for the coordinating <c>fanout</c>, one event per line, and
/// their parsing: both sides in one place. The coordinator writes <see cref="Stop"/> (or closes the listener's standard input)
/// when the run is over.
/// </summary>
internal static class ListenerProtocol
{
    public const string Stop = "stop";
    private const string ConnectedWord = "connected";
    private const string FailedWord = "failed";
    private const string ReadyWord = "ready";
    private const string ReceiptWord = "receipt";
    private const string ClosedWord = "closed";

    public static string Connected(int student) => Invariant($"{ConnectedWord} {student}");

    /// <summary>The failure count and the first failure's message (the rest of the line).</summary>
    public static string Failed(int failures, string? firstFailure) => Invariant($"{FailedWord} {failures} {firstFailure}");

    /// <summary>
    /// Every connection is open or has failed. Carries the listener's <see cref="Stopwatch.Frequency"/>, so that the coordinator
    /// can check that both processes read the same clock (CLOCK_MONOTONIC on Linux, shared by every process of a machine).
    /// </summary>
    public static string Ready() => Invariant($"{ReadyWord} {Stopwatch.Frequency}");

    public static string Heard(Receipt receipt) => Invariant($"{ReceiptWord} {receipt.Student} {receipt.Subject:N} {receipt.Timestamp}");

    public static string ClosedSoFar(int closed) => Invariant($"{ClosedWord} {closed}");

    /// <summary>Hands one line to the matching callback of <paramref name="listener"/>.</summary>
    public static void Dispatch(string line, ILineHandler listener)
    {
        var parts = line.Split(' ', 3);
        switch (parts[0])
        {
            case ConnectedWord:
                listener.OnConnected(Number(parts[1]));
                break;
            case FailedWord:
                listener.OnFailed(Number(parts[1]), parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
                break;
            case ReadyWord:
                listener.OnReady(long.Parse(parts[1], CultureInfo.InvariantCulture));
                break;
            case ReceiptWord:
                var rest = parts[2].Split(' ');
                listener.OnReceipt(new Receipt(Number(parts[1]), Guid.ParseExact(rest[0], "N"), long.Parse(rest[1], CultureInfo.InvariantCulture)));
                break;
            case ClosedWord:
                listener.OnClosed(Number(parts[1]));
                break;
            default:
                throw new FormatException($"A listener wrote an unknown line: '{line}'.");
        }
    }

    /// <summary>What the coordinator does with each kind of line.</summary>
    internal interface ILineHandler
    {
        void OnConnected(int student);
        void OnFailed(int failures, string? firstFailure);
        void OnReady(long stopwatchFrequency);
        void OnReceipt(Receipt receipt);
        void OnClosed(int closed);
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
