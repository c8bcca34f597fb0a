using Microsoft.Extensions.Options;
using Sessions.Proxy.Tests.Infrastructure;

namespace Sessions.Proxy.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(null, "names no portal instance")]
    [InlineData("127.0.0.1:5101", "Proxy:Destinations:a must be an http(s) address")]
    public async Task A_proxy_without_a_valid_instance_refuses_to_start(string? address, string reason)
    {
        var destinations = address is null ? new Dictionary<string, string>() : new() { ["a"] = address };
        await using var proxy = new ProxyFactory(destinations);

        var failure = Assert.IsType<OptionsValidationException>(Record.Exception(proxy.StartServer));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }
}
