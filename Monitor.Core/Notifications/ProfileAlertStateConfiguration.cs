using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

internal sealed class ProfileAlertStateConfiguration : IEntityTypeConfiguration<ProfileAlertState>
{
    public void Configure(EntityTypeBuilder<ProfileAlertState> builder)
    {
        builder.ToTable("profile_alert_states");
        builder.HasKey(s => new { s.WorkspaceId, s.ProfileId });
        builder.HasIndex(s => s.ProfileId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
