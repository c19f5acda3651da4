using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;

namespace Monitor.Core.Posts;

internal sealed class TiktokPostHashtagConfiguration : IEntityTypeConfiguration<TiktokPostHashtag>
{
    public void Configure(EntityTypeBuilder<TiktokPostHashtag> builder)
    {
        builder.ToTable("tiktok_post_hashtags");
        builder.HasKey(h => new { h.PostId, h.Tag });
        builder.Property(h => h.Tag).HasMaxLength(FieldLimits.HashtagLength);

        // "Posts tagged #x": from the tag to its posts without reading anyone's caption.
        builder.HasIndex(h => new { h.Tag, h.PostId });
        builder.HasOne(h => h.Post).WithMany(p => p.Hashtags).HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
