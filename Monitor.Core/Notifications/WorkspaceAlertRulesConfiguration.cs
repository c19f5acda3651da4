using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

internal sealed class WorkspaceAlertRulesConfiguration : IEntityTypeConfiguration<WorkspaceAlertRules>
{
    public void Configure(EntityTypeBuilder<WorkspaceAlertRules> builder)
    {
        builder.ToTable("workspace_alert_rules");
        builder.HasKey(r => r.WorkspaceId);
        builder.HasOne<Workspace>().WithOne().HasForeignKey<WorkspaceAlertRules>(r => r.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
