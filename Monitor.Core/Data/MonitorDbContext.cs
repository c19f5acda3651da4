using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Identity;

namespace Monitor.Core.Data;

/// <summary>
/// The provider-neutral model. Each provider has a derived context that owns its migrations
/// (<see cref="PostgresMonitorDbContext"/>, <see cref="SqliteMonitorDbContext"/>). Identity's users and roles and the
/// data-protection keys that sign the sign-in cookies live in the same database, so every node shares them.
/// </summary>
public abstract class MonitorDbContext(DbContextOptions options)
    : IdentityDbContext<MonitorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
        LegacyForeignKeyNames.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
