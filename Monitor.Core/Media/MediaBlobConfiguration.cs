using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Media;

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.ToTable("media_blobs");
        builder.HasKey(b => b.Hash);
        builder.Property(b => b.Hash).HasMaxLength(MediaHash.Length).ValueGeneratedNever();
        builder.Property(b => b.ContentType).HasMaxLength(32);
    }
}
