using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

/// <summary>Hands out the provider's derived context as the neutral <see cref="MonitorDbContext"/>.</summary>
internal sealed class MonitorDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<MonitorDbContext>
    where TContext : MonitorDbContext
{
    public MonitorDbContext CreateDbContext() => inner.CreateDbContext();
}
