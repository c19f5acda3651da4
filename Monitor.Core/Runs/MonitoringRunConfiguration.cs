using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Quality;

namespace Monitor.Core.Runs;

internal sealed class MonitoringRunConfiguration : IEntityTypeConfiguration<MonitoringRun>
{
    public void Configure(EntityTypeBuilder<MonitoringRun> builder)
    {
        builder.ToTable("profile_monitoring_logs");
        builder.Property(l => l.Status).HasConversion(new LowerCaseEnumConverter<MonitoringStatus>()).HasMaxLength(16);
        builder.Property(l => l.Trigger).HasConversion(new LowerCaseEnumConverter<MonitoringTrigger>()).HasMaxLength(16);
        builder.Property(l => l.Error).HasMaxLength(FieldLimits.RunErrorLength);
        builder.Property(l => l.Note).HasMaxLength(FieldLimits.RunNoteLength);
        builder.Property(l => l.FailureReason).HasConversion(new LowerCaseEnumConverter<RunFailureReason>()).HasMaxLength(32);
        builder.Property(l => l.SuspectReason).HasConversion(new LowerCaseEnumConverter<SuspectReason>()).HasMaxLength(32);
        builder.Property(l => l.RetryDecision).HasConversion(new LowerCaseEnumConverter<RetryDecision>()).HasMaxLength(16);
        builder.HasIndex(l => new { l.ProfileId, l.CreatedAt }).IsDescending(false, true);
        builder.HasIndex(l => new { l.Status, l.ScheduledFor });

        // The statistics page reads the runs that ended in its period: a year of runs at 10,000 profiles is 3.65 M rows.
        builder.HasIndex(l => l.CompletedAt);
        builder.Property(l => l.FullScanRequested).HasDefaultValue(false);

        // At most one queued or running run per profile, even when two requests race.
        builder.HasIndex(l => l.ProfileId)
            .HasDatabaseName("ix_profile_monitoring_logs_one_active_per_profile")
            .IsUnique()
            .HasFilter("status IN ('pending', 'running')");

        builder.HasOne(l => l.Profile).WithMany().HasForeignKey(l => l.ProfileId).OnDelete(DeleteBehavior.Cascade);

        // A change names the run that found it; the run declares the key so that Changes does not depend on Monitoring.
        builder.HasMany<ProfileChange>().WithOne().HasForeignKey(c => c.MonitoringLogId).OnDelete(DeleteBehavior.SetNull);
    }
}
