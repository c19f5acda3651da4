using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Audience;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class AudienceData
{
    extension(MonitorDbContext db)
    {
        public DbSet<ProfileAccountSnapshot> AccountHistory => db.Set<ProfileAccountSnapshot>();
    }
}
