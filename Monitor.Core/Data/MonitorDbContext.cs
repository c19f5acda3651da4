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

    private Guid[] _restrictedTo = [];
    private bool _pooled;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>True when the rows this context sees are limited to <see cref="RestrictedToWorkspaceIds"/>.</summary>
    public bool IsRestricted { get; private set; }

    /// <summary>The workspaces whose rows a restricted context sees (read by the features' <see cref="IScopedQueryFilter"/>s).</summary>
    public IReadOnlyList<Guid> RestrictedToWorkspaceIds => _restrictedTo;

    /// <summary>Limits this context to the given workspaces; only before its first query (the model is chosen then).</summary>
    /// <exception cref="InvalidOperationException">The context came from the pool of unrestricted contexts.</exception>
    public void RestrictTo(IEnumerable<Guid> workspaceIds)
    {
        ArgumentNullException.ThrowIfNull(workspaceIds);
        if (_pooled)
        {
            // Its model was chosen unrestricted when it was first used: the filters would silently not apply.
            throw new InvalidOperationException("A pooled context cannot be restricted; a restricted context is made new (MonitorDbContextFactory).");
        }

        _restrictedTo = workspaceIds.Distinct().ToArray();
        IsRestricted = true;
    }

    /// <summary>Marks a context of the unrestricted pool, so that restricting it fails loudly.</summary>
    internal void MarkPooled() => _pooled = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        IdentityTableNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);
        LegacyForeignKeyNames.Apply(builder);
        if (IsRestricted)
        {
            ApplyScopedQueryFilters(builder);
        }
    }

    private void ApplyScopedQueryFilters(ModelBuilder builder)
    {
        var filters = typeof(MonitorDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IScopedQueryFilter).IsAssignableFrom(t));
        foreach (var type in filters)
        {
            ((IScopedQueryFilter)Activator.CreateInstance(type, nonPublic: true)!).Apply(builder, this);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
