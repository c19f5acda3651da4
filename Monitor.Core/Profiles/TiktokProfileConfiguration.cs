using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Profiles;

internal sealed class TiktokProfileConfiguration : IEntityTypeConfiguration<TiktokProfile>
{
    public void Configure(EntityTypeBuilder<TiktokProfile> builder)
    {
        builder.ToTable("tiktok_profiles");
        builder.Property(p => p.Handle).HasMaxLength(64);
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.Property(p => p.TiktokUserId).HasMaxLength(64);
        builder.Property(p => p.SecUid).HasMaxLength(256);
        builder.Property(p => p.Nickname).HasMaxLength(256);
        builder.Property(p => p.AvatarUrl).HasMaxLength(2048);
        builder.Property(p => p.Bio).HasMaxLength(1024);
        PostMetricsMapping.MapTotals(builder, p => p.Totals);
        builder.HasIndex(p => new { p.MonitoringEnabled, p.NextMonitoringRun });
    }
}
