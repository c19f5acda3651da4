using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Core.Changes;

internal sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> builder)
    {
        builder.ToTable("tiktok_profile_changes");
        builder.Property(c => c.Kind).HasMaxLength(ChangeLimits.KindLength);
        builder.HasIndex(c => new { c.ProfileId, c.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(c => c.PostId);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TiktokPost>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
