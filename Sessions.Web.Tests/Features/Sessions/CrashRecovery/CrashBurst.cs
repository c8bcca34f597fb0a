using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sessions.Web.Tests.Features.Sessions.CrashRecovery;

/// <summary>
/// The burst's one door to the portal. Every request counts once its answer is in. Once <c>killAfter</c> answers are
/// in, the kill goes out at the first moment every user is waiting for an answer — so the portal has a request of each
/// in hand, some mid-transaction — or, should that moment not come, after one more answer per user: a known point of
/// the burst, not a time. (Killing on an answer itself would tend to find the portal idle, its other answers already
/// on their way back.) From then on no request goes out. A transport failure ends the burst too; before the kill it is
/// a finding, after it the expected fate of a request the kill cut.
/// </summary>
internal sealed class CrashBurst(HttpClient portal, int killAfter, Action kill)
{
    private readonly ConcurrentQueue<BurstOutcome> _outcomes = new();
    private int _users;
    private int _answered;
    private int _inFlight;
    private int _killed;
    private int _over;

    public IReadOnlyCollection<BurstOutcome> Outcomes => _outcomes;

    public bool Killed => Volatile.Read(ref _killed) == 1;

    /// <summary>Requests sent and not yet answered when the kill went out.</summary>
    public int InFlightAtKill { get; private set; }

    /// <summary>The wall-clock moment of the kill, to tell what the portal did before it from what it did after its restart.</summary>
    public DateTime KilledAtUtc { get; private set; }

    /// <summary>Answers that were in when the kill went out.</summary>
    public int AnsweredAtKill { get; private set; }

    private bool IsOver => Volatile.Read(ref _over) == 1;

    /// <summary>Runs every user's script side by side and returns once all have stopped because the burst is over.</summary>
    public async Task RunAsync(IReadOnlyCollection<Func<CrashBurst, Task>> scripts)
    {
        _users = scripts.Count;
        await Task.WhenAll(scripts.Select(async script =>
        {
            try
            {
                await script(this);
            }
            catch (OperationCanceledException) when (IsOver)
            {
                // The script's way of stopping: its next request found the burst over.
            }
        }));
    }

    public async Task<BurstAnswer> PostAsync(BurstCall call, string token, string path, object? body = null)
    {
        if (IsOver)
        {
            throw new OperationCanceledException("The burst is over.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        int status;
        string text;
        try
        {
            Interlocked.Increment(ref _inFlight);
            var answering = portal.SendAsync(request);
            KillIfDue();
            using var response = await answering;
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or TaskCanceledException)
        {
            Interlocked.Decrement(ref _inFlight);
            _outcomes.Enqueue(new BurstOutcome(call, null, null, Killed, failure.Message));
            Volatile.Write(ref _over, 1);
            throw new OperationCanceledException("The burst is over.", failure);
        }
        Interlocked.Decrement(ref _inFlight);
        var json = JsonOrNull(text);
        _outcomes.Enqueue(new BurstOutcome(call, status, CodeOf(json), Killed, null));
        Interlocked.Increment(ref _answered);
        KillIfDue();
        return new BurstAnswer(status, json);
    }

    /// <summary>The figures of the burst: where the kill came, and what every kind of request got, for the test output.</summary>
    public string Summary()
    {
        var tally = _outcomes
            .GroupBy(o => o.Failure is null ? $"{o.Call} {o.Status}{(o.Code is null ? "" : " " + o.Code)}" : $"{o.Call} cut by the kill")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}");
        return $"Burst: {AnsweredAtKill} answers, then SIGKILL with {InFlightAtKill} requests in flight: "
            + $"{_outcomes.Count(o => o.Failure is not null)} cut, {_outcomes.Count(o => o.Status is not null && o.AfterKill)} answers already on their way back.\n  "
            + string.Join("\n  ", tally);
    }

    private void KillIfDue()
    {
        var answered = Volatile.Read(ref _answered);
        var due = answered >= killAfter && (Volatile.Read(ref _inFlight) >= _users || answered >= killAfter + _users);
        if (!due || Interlocked.CompareExchange(ref _killed, 1, 0) != 0)
        {
            return;
        }
        // Marked killed first (above), so that every request the kill cuts is seen as cut by it.
        AnsweredAtKill = answered;
        InFlightAtKill = Volatile.Read(ref _inFlight);
        Volatile.Write(ref _over, 1);
        KilledAtUtc = DateTime.UtcNow;
        kill();
    }

    private static JsonElement? JsonOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? CodeOf(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("code", out var code) ? code.GetString() : null;
}
