using Microsoft.Extensions.DependencyInjection;
namespace Monitor.Core.Dispatch;

/// <summary>The app's executor of claimed runs: the real runner, resolved per run as the scraping client it needs is.</summary>
internal sealed class MonitoringRunExecutor(IServiceProvider services) : IClaimedRunExecutor
{
    public Task ExecuteAsync(RunClaim claim, CancellationToken cancellationToken) =>
        services.GetRequiredService<MonitoringRunner>().RunClaimedAsync(claim, cancellationToken);
}
