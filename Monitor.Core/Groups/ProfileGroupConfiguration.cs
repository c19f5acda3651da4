using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

internal sealed class ProfileGroupConfiguration : IEntityTypeConfiguration<ProfileGroup>
{
    public void Configure(EntityTypeBuilder<ProfileGroup> builder)
    {
        builder.ToTable("profile_groups");
        builder.Property(g => g.Name).HasMaxLength(GroupRules.NameLength);
        builder.Property(g => g.NormalizedName).HasMaxLength(GroupRules.NameLength);
        builder.HasIndex(g => new { g.WorkspaceId, g.NormalizedName }).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.Description).HasMaxLength(GroupRules.DescriptionLength);
    }
}
