using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;
using Monitor.Core.Profiles;

namespace Monitor.Core.Runs;

internal sealed class RunNotificationEventConfiguration : IEntityTypeConfiguration<RunNotificationEvent>
{
    public void Configure(EntityTypeBuilder<RunNotificationEvent> builder)
    {
        builder.ToTable("run_notification_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Error).HasMaxLength(FieldLimits.RunErrorLength);
        builder.HasIndex(e => e.ProcessedAt);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
