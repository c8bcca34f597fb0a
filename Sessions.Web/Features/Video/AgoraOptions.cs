using System.ComponentModel.DataAnnotations;

namespace Sessions.Web.Features.Video;

public sealed class AgoraOptions
{
    public const string Section = "Agora";
    private const string Hex32 = "^[0-9a-fA-F]{32}$";

    [Required(ErrorMessage = "Agora:AppId is required: set it to your Agora project's App ID (32 hex characters).")]
    [RegularExpression(Hex32, ErrorMessage = "Agora:AppId must be 32 hexadecimal characters.")]
    public string AppId { get; set; } = "";

    [Required(ErrorMessage = "Agora:AppCertificate is required: set it to your Agora project's primary certificate (32 hex characters).")]
    [RegularExpression(Hex32, ErrorMessage = "Agora:AppCertificate must be 32 hexadecimal characters.")]
    public string AppCertificate { get; set; } = "";

    /// <summary>The shortest life a token gets; a session's token also outlives its booked end by <see cref="TokenMarginMinutes"/>.</summary>
    [Range(1, 1440, ErrorMessage = "Agora:TokenLifetimeMinutes must be between 1 and 1440.")]
    public int TokenLifetimeMinutes { get; set; } = 60;

    [Range(0, 120, ErrorMessage = "Agora:TokenMarginMinutes must be between 0 and 120.")]
    public int TokenMarginMinutes { get; set; } = 10;
}
