using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications;

internal sealed class NotificationChannelProfileConfiguration : IEntityTypeConfiguration<NotificationChannelProfile>
{
    public void Configure(EntityTypeBuilder<NotificationChannelProfile> builder)
    {
        builder.ToTable("notification_channel_profiles");
        builder.HasKey(p => new { p.ChannelId, p.ProfileId });
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
