using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Groups;

internal sealed class ProfileGroupMemberConfiguration : IEntityTypeConfiguration<ProfileGroupMember>
{
    public void Configure(EntityTypeBuilder<ProfileGroupMember> builder)
    {
        builder.ToTable("profile_group_members");
        builder.HasKey(m => new { m.GroupId, m.ProfileId });
        builder.HasIndex(m => m.ProfileId);
        // One own profile a group. The bare column reads as a boolean test on PostgreSQL and SQLite alike.
        builder.HasIndex(m => m.GroupId).IsUnique().HasFilter("is_own").HasDatabaseName("ix_profile_group_members_one_own");
        builder.HasOne(m => m.Group).WithMany(g => g.Members).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Profile).WithMany().HasForeignKey(m => m.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
