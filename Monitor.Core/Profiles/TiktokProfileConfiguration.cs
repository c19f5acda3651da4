using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
namespace Monitor.Core.Profiles;

internal sealed class TiktokProfileConfiguration : IEntityTypeConfiguration<TiktokProfile>
{
    public void Configure(EntityTypeBuilder<TiktokProfile> builder)
    {
        builder.ToTable("tiktok_profiles");
        builder.Property(p => p.Handle).HasMaxLength(FieldLimits.HandleLength);
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.Property(p => p.TiktokUserId).HasMaxLength(FieldLimits.TiktokUserIdLength);
        builder.Property(p => p.SecUid).HasMaxLength(FieldLimits.SecUidLength);
        builder.Property(p => p.Nickname).HasMaxLength(FieldLimits.NicknameLength);
        builder.Property(p => p.AvatarUrl).HasMaxLength(FieldLimits.AvatarUrlLength);
        builder.Property(p => p.Bio).HasMaxLength(FieldLimits.BioLength);
        builder.Property(p => p.AccountState).HasConversion(new LowerCaseEnumConverter<AccountState>()).HasMaxLength(16)
            .HasDefaultValue(AccountState.Active).HasSentinel(AccountState.Active);
        builder.Property(p => p.ScanMode).HasConversion(new LowerCaseEnumConverter<ScanMode>()).HasMaxLength(16)
            .HasDefaultValue(ScanMode.Full).HasSentinel(ScanMode.Full);
        builder.Property(p => p.ExcludeUnseenPosts).HasDefaultValue(false);
        PostMetricsMapping.MapTotals(builder, p => p.Totals);
        builder.HasIndex(p => new { p.MonitoringEnabled, p.NextMonitoringRun });
    }
}
