using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>A restricted context sees its workspaces' channels and their deliveries, and their alert rules and alert state.</summary>
internal sealed class NotificationWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<NotificationChannel>().HasQueryFilter(WorkspaceFilters.ByWorkspace<NotificationChannel>(db, c => c.WorkspaceId));
        builder.Entity<NotificationChannelProfile>().HasQueryFilter(WorkspaceFilters.ByProfile<NotificationChannelProfile>(db, c => c.ProfileId));
        builder.Entity<ProfileAlertState>().HasQueryFilter(WorkspaceFilters.ByWorkspace<ProfileAlertState>(db, s => s.WorkspaceId));
        builder.Entity<WorkspaceAlertRules>().HasQueryFilter(WorkspaceFilters.ByWorkspace<WorkspaceAlertRules>(db, r => r.WorkspaceId));
        builder.Entity<NotificationDelivery>().HasQueryFilter(d => d.ChannelId != null
            && db.Set<NotificationChannel>().Any(c => c.Id == d.ChannelId && db.RestrictedToWorkspaceIds.Contains(c.WorkspaceId)));
    }
}
