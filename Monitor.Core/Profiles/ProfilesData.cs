using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Profiles;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class ProfilesData
{
    extension(MonitorDbContext db)
    {
        public DbSet<TiktokProfile> Profiles => db.Set<TiktokProfile>();
        public DbSet<ProfileMetricsHistory> ProfileMetricsHistory => db.Set<ProfileMetricsHistory>();
    }
}
