using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;

namespace Monitor.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorKind).HasConversion(new LowerCaseEnumConverter<AuditActorKind>()).HasMaxLength(16);
        builder.Property(e => e.ActorId).HasMaxLength(AuditTrail.MaxNameLength);
        builder.Property(e => e.ActorName).HasMaxLength(AuditTrail.MaxNameLength);
        builder.Property(e => e.SourceAddress).HasMaxLength(AuditTrail.MaxSourceLength);
        builder.Property(e => e.Action).HasMaxLength(AuditTrail.MaxActionLength);
        builder.Property(e => e.TargetKind).HasMaxLength(32);
        builder.Property(e => e.TargetId).HasMaxLength(AuditTrail.MaxNameLength);
        builder.Property(e => e.TargetLabel).HasMaxLength(AuditTrail.MaxNameLength);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.TargetKind, e.TargetId, e.OccurredAt });
        builder.HasIndex(e => new { e.Action, e.OccurredAt });
    }
}
