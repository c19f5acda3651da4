using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.ApiKeys;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class ApiKeysData
{
    extension(MonitorDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}
