using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>A restricted context sees its workspaces' channels and their deliveries, and the alert state of its profiles.</summary>
internal sealed class NotificationWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<NotificationChannel>().HasQueryFilter(WorkspaceFilters.ByWorkspace<NotificationChannel>(db, c => c.WorkspaceId));
        builder.Entity<NotificationChannelProfile>().HasQueryFilter(WorkspaceFilters.ByProfile<NotificationChannelProfile>(db, c => c.ProfileId));
        builder.Entity<ProfileAlertState>().HasQueryFilter(WorkspaceFilters.ByProfile<ProfileAlertState>(db, s => s.ProfileId));
        builder.Entity<NotificationDelivery>().HasQueryFilter(d => d.ChannelId != null
            && db.Set<NotificationChannel>().Any(c => c.Id == d.ChannelId && db.RestrictedToWorkspaceIds.Contains(c.WorkspaceId)));
    }
}
