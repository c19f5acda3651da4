using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monitor.Core.Data;

internal sealed class DatabaseHealthCheck(IDbContextFactory<MonitorDbContext> contextFactory, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy(settings.Provider.ToString())
            : HealthCheckResult.Unhealthy($"{settings.Provider} is unreachable");
    }
}
