using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("share_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.TokenHash).HasMaxLength(ShareToken.HashLength);
        builder.Property(l => l.TargetKind).HasConversion(new LowerCaseEnumConverter<ShareTargetKind>()).HasMaxLength(16);
        builder.Property(l => l.TargetLabel).HasMaxLength(ShareLinkLimits.MaxLabelLength);
        builder.Property(l => l.PasswordHash).HasMaxLength(256);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.RevokedBy).HasMaxLength(256);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.TargetKind, l.TargetId });
    }
}
