using Microsoft.Extensions.Options;

namespace Monitor.Core.Monitoring;

/// <summary>
/// Caps the upstream requests of this process's runs at <see cref="MonitoringOptions.Concurrency"/> when more runs than
/// that execute at once (<see cref="MonitoringOptions.RunsAhead"/>): a run's claim, close and pause between pages then
/// overlap other runs' pages instead of leaving a slot of the upstream idle. Without runs ahead the run limit is the cap.
/// </summary>
public sealed class UpstreamSlots(IOptions<MonitoringOptions> options) : IDisposable
{
    private readonly SemaphoreSlim? _slots = options.Value.RunsAhead > 0 ? new(options.Value.Concurrency, options.Value.Concurrency) : null;

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_slots is null)
        {
            return await call(cancellationToken);
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await call(cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots?.Dispose();
}
