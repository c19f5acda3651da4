using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

internal sealed class TikTokPostMetricsHistoryConfiguration : IEntityTypeConfiguration<TikTokPostMetricsHistory>
{
    public void Configure(EntityTypeBuilder<TikTokPostMetricsHistory> builder)
    {
        builder.ToTable("tiktok_post_metrics_history");
        builder.HasIndex(h => new { h.PostId, h.RecordedAt }).IsDescending(false, true);
        // No foreign key: a constraint check per history row would cost every page; logs go with their profile anyway.
        builder.HasIndex(h => h.MonitoringLogId);
        PostMetricsMapping.MapCounts(builder, h => h.Metrics);
        builder.HasOne(h => h.Post).WithMany(p => p.MetricsHistory).HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
