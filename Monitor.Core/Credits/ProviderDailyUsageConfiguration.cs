using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Monitor.Core.Credits;

internal sealed class ProviderDailyUsageConfiguration : IEntityTypeConfiguration<ProviderDailyUsage>
{
    public void Configure(EntityTypeBuilder<ProviderDailyUsage> builder)
    {
        builder.ToTable("credit_provider_usage");
        builder.HasKey(u => u.Day);
        builder.Property(u => u.Day).ValueGeneratedNever();
    }
}
