using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications;

internal sealed class ProfileAlertStateConfiguration : IEntityTypeConfiguration<ProfileAlertState>
{
    public void Configure(EntityTypeBuilder<ProfileAlertState> builder)
    {
        builder.ToTable("profile_alert_states");
        builder.HasKey(s => s.ProfileId);
        builder.HasOne<TiktokProfile>().WithOne().HasForeignKey<ProfileAlertState>(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
