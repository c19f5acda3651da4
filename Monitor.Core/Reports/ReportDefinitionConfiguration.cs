using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Notifications;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Reports;

internal sealed class ReportDefinitionConfiguration : IEntityTypeConfiguration<ReportDefinition>
{
    public void Configure(EntityTypeBuilder<ReportDefinition> builder)
    {
        builder.ToTable("report_definitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(ReportLimits.NameLength);
        builder.Property(d => d.Cadence).HasConversion(new LowerCaseEnumConverter<ReportCadence>()).HasMaxLength(16);
        builder.Property(d => d.WeekStart).HasConversion(new LowerCaseEnumConverter<DayOfWeek>()).HasMaxLength(16);
        builder.Property(d => d.TimeZone).HasMaxLength(ReportLimits.TimeZoneLength);
        builder.PrimitiveCollection(d => d.ToAddresses);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.PrimitiveCollection(d => d.BccAddresses);
        builder.HasOne<TiktokProfile>().WithMany().HasForeignKey(d => d.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProfileGroup>().WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NotificationChannel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.SetNull);
    }
}
