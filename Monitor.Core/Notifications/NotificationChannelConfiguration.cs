using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.ToTable("notification_channels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(NotificationLimits.NameLength);
        builder.Property(c => c.Kind).HasConversion(new LowerCaseEnumConverter<NotificationChannelKind>()).HasMaxLength(16);
        builder.Property(c => c.SmtpTls).HasConversion(new LowerCaseEnumConverter<SmtpTlsMode>()).HasMaxLength(16);
        builder.Property(c => c.SmtpHost).HasMaxLength(NotificationLimits.HostLength);
        builder.Property(c => c.SmtpUser).HasMaxLength(NotificationLimits.UserLength);
        builder.Property(c => c.FromAddress).HasMaxLength(NotificationLimits.AddressLength);
        builder.PrimitiveCollection(c => c.ToAddresses);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.WebhookHost).HasMaxLength(NotificationLimits.HostLength);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(NotificationLimits.ProtectedSecretLength);
        builder.HasMany(c => c.Profiles).WithOne().HasForeignKey(p => p.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
