using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

internal sealed class CreditLedgerWorkspaceConfiguration : IEntityTypeConfiguration<CreditLedgerWorkspace>
{
    public void Configure(EntityTypeBuilder<CreditLedgerWorkspace> builder)
    {
        builder.ToTable("credit_ledger_workspaces");
        builder.HasKey(a => new { a.EntryId, a.WorkspaceId });
        builder.HasIndex(a => a.WorkspaceId);
        builder.HasOne<CreditLedgerEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
    }
}
