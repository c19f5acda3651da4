using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Profiles;

namespace Monitor.Core.Changes;

internal sealed class ProfileAnnotationConfiguration : IEntityTypeConfiguration<ProfileAnnotation>
{
    public void Configure(EntityTypeBuilder<ProfileAnnotation> builder)
    {
        builder.ToTable("tiktok_profile_annotations");
        builder.Property(a => a.Text).HasMaxLength(ChangeLimits.AnnotationTextLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(ChangeLimits.AuthorLength);
        builder.HasIndex(a => new { a.ProfileId, a.OccurredAt });
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
