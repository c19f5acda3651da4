using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Monitoring;

/// <summary>
/// Caps the upstream requests of this process's runs at <see cref="MonitoringOptions.Concurrency"/> when more runs than
/// that execute at once (<see cref="MonitoringOptions.RunsAhead"/>): a run's claim, close and pause between pages then
/// overlap other runs' pages instead of leaving a slot of the upstream idle. Without runs ahead the run limit is the cap.
/// Counts the calls and the time spent in them, so the slots' use can be measured against the wall clock.
/// </summary>
public sealed class UpstreamSlots(IOptions<MonitoringOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _slots = options.Value.RunsAhead > 0 ? new(options.Value.Concurrency, options.Value.Concurrency) : null;
    private long _calls;
    private long _ticksInCalls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Time spent inside upstream calls (the slot held), summed over all calls.</summary>
    public TimeSpan TimeInCalls => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticksInCalls));

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_slots is not null)
        {
            await _slots.WaitAsync(cancellationToken);
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
            _slots?.Release();
        }
    }

    public void Dispose() => _slots?.Dispose();
}
