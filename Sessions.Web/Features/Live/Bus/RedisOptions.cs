using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Sessions.Web.Features.Live.Bus;

/// <summary>Setting <see cref="Configuration"/> makes the live bus cross instances; leaving it out keeps one instance in-process.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    [Required]
    public string Configuration { get; set; } = "";

    /// <summary>The pub/sub channel; distinct per deployment when several share one Redis.</summary>
    [Required]
    public string Channel { get; set; } = "sessions:live";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(Configuration)}"]);

    internal bool Parses()
    {
        try
        {
            ConfigurationOptions.Parse(Configuration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal ConfigurationOptions ToConfigurationOptions()
    {
        var options = ConfigurationOptions.Parse(Configuration);
        // An instance that starts while Redis is briefly away should come up and reconnect, with readiness saying it is not ready.
        options.AbortOnConnectFail = false;
        return options;
    }
}
