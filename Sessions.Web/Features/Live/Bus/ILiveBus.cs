namespace Sessions.Web.Features.Live.Bus;

/// <summary>Carries each message once to every instance's <see cref="LiveDelivery"/>, this one included.</summary>
public interface ILiveBus
{
    Task PublishAsync(LiveBusMessage message, CancellationToken ct);
}

/// <summary>One instance: delivery is a direct call, as before there was a bus.</summary>
public sealed class InProcessLiveBus(LiveDelivery delivery) : ILiveBus
{
    public Task PublishAsync(LiveBusMessage message, CancellationToken ct) => delivery.DeliverAsync(message, ct);
}
