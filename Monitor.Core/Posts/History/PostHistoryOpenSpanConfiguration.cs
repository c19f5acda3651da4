using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts.History;

/// <summary>The table is created by hand (<see cref="HistoryStorageSql"/>), as its partitioned sibling.</summary>
internal sealed class PostHistoryOpenSpanConfiguration : IEntityTypeConfiguration<PostHistoryOpenSpan>
{
    public void Configure(EntityTypeBuilder<PostHistoryOpenSpan> builder)
    {
        builder.ToTable(HistoryStorageSql.OpenTable, t => t.ExcludeFromMigrations());
        builder.HasKey(s => s.PostId);
        builder.Property(s => s.PostId).ValueGeneratedNever();
        PostMetricsMapping.MapCounts(builder, s => s.Metrics);
        builder.HasOne<TiktokPost>().WithOne().HasForeignKey<PostHistoryOpenSpan>(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
