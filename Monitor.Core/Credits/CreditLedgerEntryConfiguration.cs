using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Credits;

internal sealed class CreditLedgerEntryConfiguration : IEntityTypeConfiguration<CreditLedgerEntry>
{
    public const int EndpointLength = 64;

    public void Configure(EntityTypeBuilder<CreditLedgerEntry> builder)
    {
        builder.ToTable("credit_ledger");
        builder.Property(e => e.Endpoint).HasMaxLength(EndpointLength);
        builder.HasIndex(e => e.Day);
        builder.HasIndex(e => new { e.ProfileId, e.Day });
        builder.HasIndex(e => e.LogId);
        // No foreign keys: what was spent stays spent after a profile (and its logs) are deleted.
    }
}
