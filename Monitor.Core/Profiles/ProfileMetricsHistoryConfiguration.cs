using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Metrics;

namespace Monitor.Core.Profiles;

internal sealed class ProfileMetricsHistoryConfiguration : IEntityTypeConfiguration<ProfileMetricsHistory>
{
    public void Configure(EntityTypeBuilder<ProfileMetricsHistory> builder)
    {
        builder.ToTable("profile_metrics_history");
        builder.HasIndex(h => new { h.ProfileId, h.RecordedAt }).IsDescending(false, true);
        PostMetricsMapping.MapTotals(builder, h => h.Totals);
        builder.HasOne(h => h.Profile).WithMany().HasForeignKey(h => h.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
