using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

internal sealed class MediaReferenceConfiguration : IEntityTypeConfiguration<MediaReference>
{
    public void Configure(EntityTypeBuilder<MediaReference> builder)
    {
        builder.ToTable("media_references");
        builder.Property(r => r.Kind).HasConversion(new LowerCaseEnumConverter<MediaKind>()).HasMaxLength(16);
        builder.Property(r => r.State).HasConversion(new LowerCaseEnumConverter<MediaState>()).HasMaxLength(16);
        builder.Property(r => r.SourceUrl).HasMaxLength(FieldLimits.CoverUrlLength);
        builder.Property(r => r.Hash).HasMaxLength(MediaHash.Length);
        builder.Property(r => r.ContentType).HasMaxLength(32);
        builder.Property(r => r.LastError).HasMaxLength(300);
        builder.HasIndex(r => new { r.ProfileId, r.Kind });
        builder.HasIndex(r => r.PostId).IsUnique();
        builder.HasIndex(r => new { r.State, r.NextAttemptAt });
        builder.HasIndex(r => r.Hash);
        builder.HasOne(r => r.Profile).WithMany().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
