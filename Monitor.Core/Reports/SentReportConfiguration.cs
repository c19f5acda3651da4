using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;

namespace Monitor.Core.Reports;

internal sealed class SentReportConfiguration : IEntityTypeConfiguration<SentReport>
{
    public void Configure(EntityTypeBuilder<SentReport> builder)
    {
        builder.ToTable("sent_reports");
        builder.HasKey(r => r.Id);
        builder.HasOne<ReportDefinition>().WithMany().HasForeignKey(r => r.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        // The schedule's idempotence: a period of a definition is stored (and so sent) once.
        builder.HasIndex(r => new { r.DefinitionId, r.PeriodStart }).IsUnique();
        builder.HasIndex(r => r.ExpiresAt);
        builder.Property(r => r.Cadence).HasConversion(new LowerCaseEnumConverter<ReportCadence>()).HasMaxLength(16);
        builder.Property(r => r.TimeZone).HasMaxLength(ReportLimits.TimeZoneLength);
        builder.Property(r => r.EmailStatus).HasConversion(new LowerCaseEnumConverter<ReportEmailStatus>()).HasMaxLength(16);
        builder.Property(r => r.EmailError).HasMaxLength(ReportLimits.ErrorLength);
    }
}
