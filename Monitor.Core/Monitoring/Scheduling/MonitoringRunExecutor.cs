using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Monitoring.Runs;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>The app's executor of claimed runs: the real runner, resolved per run as the scraping client it needs is.</summary>
internal sealed class MonitoringRunExecutor(IServiceProvider services) : IClaimedRunExecutor
{
    public Task ExecuteAsync(RunClaim claim, CancellationToken cancellationToken) =>
        services.GetRequiredService<MonitoringRunner>().RunClaimedAsync(claim, cancellationToken);
}
