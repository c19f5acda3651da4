using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Settings;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class SettingsData
{
    extension(MonitorDbContext db)
    {
        public DbSet<AppSetting> AppSettings => db.Set<AppSetting>();
    }
}
