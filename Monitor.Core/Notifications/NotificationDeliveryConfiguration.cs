using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("notification_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ChannelName).HasMaxLength(NotificationLimits.NameLength);
        builder.Property(d => d.Kind).HasConversion(new LowerCaseEnumConverter<NotificationKind>()).HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion(new LowerCaseEnumConverter<DeliveryStatus>()).HasMaxLength(16);
        builder.Property(d => d.Handle).HasMaxLength(FieldLimits.HandleLength);
        builder.Property(d => d.Url).HasMaxLength(NotificationLimits.UrlLength);
        builder.Property(d => d.Subject).HasMaxLength(NotificationLimits.SubjectLength);
        builder.Property(d => d.Text).HasMaxLength(NotificationLimits.TextLength);
        builder.Property(d => d.LastError).HasMaxLength(NotificationLimits.ErrorLength);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.CreatedAt);
        // The log outlives a deleted channel or profile: it keeps the names it was sent under.
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(d => d.ProfileId).OnDelete(DeleteBehavior.SetNull);
    }
}
