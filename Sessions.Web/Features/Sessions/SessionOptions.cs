using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Sessions;

public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>How long before its scheduled start an educator may start a session.</summary>
    [Range(0, 60, ErrorMessage = "Sessions:EarlyStartMinutes must be between 0 and 60.")]
    public int EarlyStartMinutes { get; set; } = 5;
}
