using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Sessions.Web.Features.Live.Bus;

/// <summary>
/// Several instances: each message is published once to one Redis channel, and each instance holds exactly one subscription
/// to it, so every instance (this one included) delivers it once to its own pages and hub connections. Nothing is delivered at
/// publish time: the publisher hears its own message back like everyone else. Redis pub/sub keeps no messages: an instance
/// cut off from Redis misses what is published meanwhile (its readiness check fails, so the balancer takes it out).
/// </summary>
public sealed partial class RedisLiveBus(IOptions<RedisOptions> options, LiveDelivery delivery, ILogger<RedisLiveBus> logger)
    : ILiveBus, IHostedService, IAsyncDisposable
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel);
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _queue;

    internal ConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("The Redis live bus has not started.");

    internal RedisChannel Channel => _channel;

    public async Task PublishAsync(LiveBusMessage message, CancellationToken ct)
    {
        try
        {
            await Redis.GetSubscriber().PublishAsync(_channel, LiveBusJson.Serialize(message));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The change it reports is already committed: failing the request would invite a retry of a done start. The
            // event is lost, as it would be for an instance that lost its subscription; readiness reports the outage.
            LogPublishFailed(logger, exception, message.GetType().Name, _channel.ToString());
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(options.Value.ToConfigurationOptions());
        _queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
        // The queue hands messages over one at a time, in the order Redis sent them, so a connection hears events in publish order.
        _queue.OnMessage(ReceiveAsync);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _queue, null) is not { } queue)
        {
            return;
        }
        try
        {
            await queue.UnsubscribeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed first (the host can be disposed before it is stopped); its subscription went with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(ChannelMessage received)
    {
        try
        {
            await delivery.DeliverAsync(LiveBusJson.Deserialize((byte[])received.Message!), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One undeliverable message (a newer instance's event type during a rolling upgrade) must not stop the ones after it.
            LogDeliveryFailed(logger, exception, _channel.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {MessageType} could not be published to Redis channel {Channel}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string messageType, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "A live bus message from Redis channel {Channel} could not be delivered")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string channel);
}
