using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

internal sealed class TiktokPostConfiguration : IEntityTypeConfiguration<TiktokPost>
{
    public void Configure(EntityTypeBuilder<TiktokPost> builder)
    {
        builder.ToTable("tiktok_posts");
        builder.Property(p => p.AwemeId).HasMaxLength(FieldLimits.AwemeIdLength);
        builder.HasIndex(p => p.AwemeId).IsUnique();
        builder.HasIndex(p => new { p.ProfileId, p.PostedAt });
        builder.Property(p => p.Description).HasMaxLength(FieldLimits.DescriptionLength);
        builder.Property(p => p.CoverUrl).HasMaxLength(FieldLimits.CoverUrlLength);
        builder.Property(p => p.ShareUrl).HasMaxLength(FieldLimits.ShareUrlLength);
        builder.Property(p => p.ShopProductUrl).HasMaxLength(FieldLimits.ShopProductUrlLength);
        builder.Property(p => p.SoundId).HasMaxLength(FieldLimits.SoundIdLength);
        builder.Property(p => p.SoundTitle).HasMaxLength(FieldLimits.SoundTitleLength);
        builder.Property(p => p.SoundAuthor).HasMaxLength(FieldLimits.SoundAuthorLength);
        builder.Property(p => p.MissingFullScans).HasDefaultValue(0);
        PostMetricsMapping.MapCounts(builder, p => p.Metrics);
        builder.HasOne(p => p.Profile).WithMany().HasForeignKey(p => p.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
