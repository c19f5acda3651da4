using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Profiles;

namespace Monitor.Core.Workspaces;

internal sealed class WorkspaceProfileConfiguration : IEntityTypeConfiguration<WorkspaceProfile>
{
    public void Configure(EntityTypeBuilder<WorkspaceProfile> builder)
    {
        builder.ToTable("workspace_profiles");
        builder.HasKey(l => new { l.WorkspaceId, l.ProfileId });
        builder.HasIndex(l => l.ProfileId);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(l => l.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(l => l.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
