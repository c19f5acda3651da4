using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Credits;

internal sealed class CreditMonthTotalConfiguration : IEntityTypeConfiguration<CreditMonthTotal>
{
    public void Configure(EntityTypeBuilder<CreditMonthTotal> builder)
    {
        builder.ToTable("credit_month_totals");
        builder.HasKey(t => new { t.Month, t.WorkspaceId });
        // No foreign key: the instance's row has no workspace, and a deleted workspace's months are harmless.
    }
}
