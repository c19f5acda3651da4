using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Groups;

internal sealed class ProfileGroupConfiguration : IEntityTypeConfiguration<ProfileGroup>
{
    public void Configure(EntityTypeBuilder<ProfileGroup> builder)
    {
        builder.ToTable("profile_groups");
        builder.Property(g => g.Name).HasMaxLength(GroupRules.NameLength);
        builder.Property(g => g.NormalizedName).HasMaxLength(GroupRules.NameLength);
        builder.HasIndex(g => g.NormalizedName).IsUnique();
        builder.Property(g => g.Description).HasMaxLength(GroupRules.DescriptionLength);
    }
}
