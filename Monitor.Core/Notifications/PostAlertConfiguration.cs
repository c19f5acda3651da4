using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

internal sealed class PostAlertConfiguration : IEntityTypeConfiguration<PostAlert>
{
    public void Configure(EntityTypeBuilder<PostAlert> builder)
    {
        builder.ToTable("post_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion(new LowerCaseEnumConverter<NotificationKind>()).HasMaxLength(16);
        builder.Property(a => a.Threshold).HasMaxLength(NotificationLimits.ThresholdLength);
        builder.HasIndex(a => new { a.PostId, a.Kind, a.Threshold, a.WorkspaceId }).IsUnique();
        builder.HasOne<TiktokPost>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
