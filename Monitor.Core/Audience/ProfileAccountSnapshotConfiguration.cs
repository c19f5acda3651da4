using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Data;

namespace Monitor.Core.Audience;

internal sealed class ProfileAccountSnapshotConfiguration : IEntityTypeConfiguration<ProfileAccountSnapshot>
{
    public void Configure(EntityTypeBuilder<ProfileAccountSnapshot> builder)
    {
        builder.ToTable("tiktok_profile_account_history");
        builder.HasIndex(s => new { s.ProfileId, s.RecordedAt });
        builder.Property(s => s.Source).HasConversion(new LowerCaseEnumConverter<AccountSnapshotSource>()).HasMaxLength(16);
        builder.HasOne(s => s.Profile).WithMany().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
