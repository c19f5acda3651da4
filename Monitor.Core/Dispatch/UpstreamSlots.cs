using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Dispatch;

/// <summary>
/// Caps the upstream page requests of this process's runs at <see cref="MonitoringOptions.Concurrency"/> when more runs
/// than that execute at once (<see cref="MonitoringOptions.RunsAhead"/>): a run's claim, close and pause between pages
/// then overlap other runs' pages instead of leaving a slot of the upstream idle. A freed slot goes to a waiting manual
/// run (Update Now) first, then to the others in the order they asked. Without runs ahead the run limit is the cap.
/// Counts the calls and the time spent in them, so the slots' use can be measured against the wall clock.
/// </summary>
public sealed class UpstreamSlots(IOptions<MonitoringOptions> options)
{
    private readonly bool _capped = options.Value.EffectiveRunsAhead > 0;
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _manual = new();
    private readonly LinkedList<TaskCompletionSource> _others = new();
    private int _free = options.Value.Concurrency;
    private long _calls;
    private long _ticksInCalls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Time spent inside upstream calls (the slot held), summed over all calls.</summary>
    public TimeSpan TimeInCalls => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticksInCalls));

    /// <param name="manual">The call is a manual run's: it takes the next free slot before the other waiting runs.</param>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, bool manual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_capped)
        {
            await AcquireAsync(manual, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call(cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticksInCalls, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _calls);
            if (_capped)
            {
                Release();
            }
        }
    }

    private async Task AcquireAsync(bool manual, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            // A free slot means nobody waits: Release hands slots to waiters directly.
            if (_free > 0)
            {
                _free--;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (manual ? _manual : _others).AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            // Handed a slot and cancelled at once: the slot is still ours, and the call gives it back.
            await waiter.Task;
        }
    }

    private void Abandon(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is { } list)
            {
                list.Remove(node);
                node.Value.TrySetCanceled(cancellationToken);
            }
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            var next = _manual.First ?? _others.First;
            if (next is null)
            {
                _free++;
                return;
            }

            next.List!.Remove(next);
            next.Value.TrySetResult();
        }
    }
}
