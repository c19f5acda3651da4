using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Core.Appearance;
using Monitor.Core.Data;
using Monitor.Core.Identity;

namespace Monitor.Core.Accounts;

/// <summary>The app's own columns on Identity's user (Identity configures the rest; the table name is in <see cref="IdentityTableNames"/>).</summary>
internal sealed class MonitorUserConfiguration : IEntityTypeConfiguration<MonitorUser>
{
    public void Configure(EntityTypeBuilder<MonitorUser> builder)
    {
        builder.Property(u => u.Theme).HasConversion(new LowerCaseEnumConverter<ThemePreference>()).HasMaxLength(8);
    }
}
