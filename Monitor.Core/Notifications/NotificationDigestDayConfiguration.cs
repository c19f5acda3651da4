using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Notifications;

internal sealed class NotificationDigestDayConfiguration : IEntityTypeConfiguration<NotificationDigestDay>
{
    public void Configure(EntityTypeBuilder<NotificationDigestDay> builder)
    {
        builder.ToTable("notification_digest_days");
        builder.HasKey(d => d.Day);
    }
}
