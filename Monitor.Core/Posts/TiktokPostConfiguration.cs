using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

internal sealed class TiktokPostConfiguration : IEntityTypeConfiguration<TiktokPost>
{
    public void Configure(EntityTypeBuilder<TiktokPost> builder)
    {
        builder.ToTable("tiktok_posts");
        builder.Property(p => p.AwemeId).HasMaxLength(32);
        builder.HasIndex(p => p.AwemeId).IsUnique();
        builder.HasIndex(p => new { p.ProfileId, p.PostedAt });
        builder.Property(p => p.CoverUrl).HasMaxLength(4096);
        builder.Property(p => p.ShareUrl).HasMaxLength(2048);
        PostMetricsMapping.MapCounts(builder, p => p.Metrics);
        builder.HasOne(p => p.Profile).WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
