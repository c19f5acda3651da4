using System.Threading.Channels;
using Monitor.Core.Scheduling;

namespace Monitor.Core.Dispatch;

/// <summary>
/// The run rows are the queue (a pending row waits, <see cref="RunDispatcher"/> claims it); this is the in-process
/// doorbell: queueing a run rings it, so this process's dispatcher claims at once instead of at its next poll. Runs
/// queued on another node ring it through their Queued event (the PostgreSQL event bridge). Rings coalesce.
/// </summary>
public sealed class RunQueue
{
    /// <summary>The Quartz group of the per-run jobs of earlier versions, deleted at start (<see cref="MonitoringSchedulerStarter"/>).</summary>
    public const string RunGroup = "profile-monitor";

    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A run was queued (or a slot freed): the dispatcher looks at the queue now.</summary>
    public void Wake() => _bell.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Wake"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    /// <returns>True when woken by a ring.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_bell.Reader.TryRead(out _))
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _bell.Reader.WaitToReadAsync(timer.Token);
            return _bell.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
