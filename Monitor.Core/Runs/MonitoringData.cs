using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
namespace Monitor.Core.Runs;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class MonitoringData
{
    extension(MonitorDbContext db)
    {
        public DbSet<MonitoringRun> Runs => db.Set<MonitoringRun>();
        public DbSet<RunNotificationEvent> RunNotificationEvents => db.Set<RunNotificationEvent>();
    }
}
