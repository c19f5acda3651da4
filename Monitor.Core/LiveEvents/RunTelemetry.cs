using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Telemetry;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// Counts the runs this process closes, and times them, from the events <see cref="Monitoring.Runs.RunLifecycle"/>
/// publishes. Only this process's events: on several nodes each counts its own runs, and Prometheus adds them up.
/// </summary>
public sealed class RunTelemetry(MonitoringEventHub events, MonitorInstruments instruments) : IHostedService, IDisposable
{
    // A run started here whose close is never seen here (its claim lost to another node) must not be kept forever.
    private const int MaxOpenRuns = 10_000;

    private readonly ConcurrentDictionary<long, DateTime> _startedAt = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.SubscribeToLocal(e =>
        {
            Observe(e);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Observe(MonitoringEvent e)
    {
        switch (e.Kind)
        {
            case MonitoringEventKind.Started:
                if (_startedAt.Count >= MaxOpenRuns)
                {
                    _startedAt.Clear();
                }

                _startedAt[e.LogId] = e.OccurredAt;
                break;
            case MonitoringEventKind.Completed or MonitoringEventKind.Failed or MonitoringEventKind.Interrupted:
                TimeSpan? duration = _startedAt.TryRemove(e.LogId, out var started) ? e.OccurredAt - started : null;
                instruments.RunClosed(
                    e.Kind.ToString().ToLowerInvariant(),
                    e.FailureReason?.ToString() ?? "none",
                    e.Trigger.ToString().ToLowerInvariant(),
                    duration);
                break;
        }
    }
}
