using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;
using Monitor.Core.Posts.History;

namespace Monitor.Core.Posts;

internal sealed class TikTokPostMetricsHistoryConfiguration : IEntityTypeConfiguration<TikTokPostMetricsHistory>
{
    public void Configure(EntityTypeBuilder<TikTokPostMetricsHistory> builder)
    {
        // Mapped as a table the migrations leave alone, though it is a view: EF cannot query a complex property of an
        // entity mapped to a view. The backup skips it (it carries the span tables instead).
        builder.ToTable(HistoryStorageSql.ObservationsView, t => t.ExcludeFromMigrations());
        builder.HasKey(h => new { h.PostId, h.RecordedAt });
        PostMetricsMapping.MapCounts(builder, h => h.Metrics);
        builder.HasOne(h => h.Post).WithMany(p => p.MetricsHistory).HasForeignKey(h => h.PostId);
    }
}
