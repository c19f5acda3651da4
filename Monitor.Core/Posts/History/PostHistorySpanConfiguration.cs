using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts.History;

/// <summary>The table is created by hand (<see cref="HistoryStorageSql"/>: partitioned on PostgreSQL, WITHOUT ROWID on SQLite).</summary>
internal sealed class PostHistorySpanConfiguration : IEntityTypeConfiguration<PostHistorySpan>
{
    public void Configure(EntityTypeBuilder<PostHistorySpan> builder)
    {
        builder.ToTable(HistoryStorageSql.Table, t => t.ExcludeFromMigrations());
        builder.HasKey(s => new { s.PostId, s.FirstAt });
        PostMetricsMapping.MapCounts(builder, s => s.Metrics);
        builder.HasOne<TiktokPost>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
