using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class NotificationsData
{
    extension(MonitorDbContext db)
    {
        public DbSet<NotificationChannel> NotificationChannels => db.Set<NotificationChannel>();
        public DbSet<NotificationDelivery> NotificationDeliveries => db.Set<NotificationDelivery>();
        public DbSet<ProfileAlertState> ProfileAlertStates => db.Set<ProfileAlertState>();
        public DbSet<WorkspaceAlertRules> WorkspaceAlertRules => db.Set<WorkspaceAlertRules>();
        public DbSet<PostAlert> PostAlerts => db.Set<PostAlert>();
        public DbSet<NotificationDigestDay> NotificationDigestDays => db.Set<NotificationDigestDay>();
    }
}
