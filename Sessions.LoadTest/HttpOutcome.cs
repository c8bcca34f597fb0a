using System.Net;

namespace Sessions.LoadTest;

/// <summary>What became of one request of a run, as a name to count: its HTTP status, or the exception's type when no answer came.</summary>
internal static class HttpOutcome
{
    public static async Task<string> OfAsync(Func<Task<HttpStatusCode>> request)
    {
        try
        {
            return (await request()).ToString();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return exception.GetType().Name;
        }
    }
}
