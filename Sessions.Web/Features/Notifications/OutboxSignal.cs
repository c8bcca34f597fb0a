using System.Threading.Channels;

namespace Sessions.Web.Features.Notifications;

/// <summary>Wakes the dispatcher right after a commit, so a notification goes out at once rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct) => await _wakeUps.Reader.ReadAsync(ct);
}
