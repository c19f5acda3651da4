using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>Resolves the runner per attempt, so a process that only queues never needs the scraping client.</summary>
internal sealed class RunnerExecutor(IServiceProvider services) : IMonitoringRunExecutor
{
    public Task<RunOutcome> RunAsync(long logId, CancellationToken cancellationToken) =>
        services.GetRequiredService<MonitoringRunner>().RunAsync(logId, cancellationToken);
}
