using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class (use it as an <see cref="IClassFixture{TFixture}"/>), and the
/// configuration keys that point the app at it. Tests written against this type run on both providers, always in one
/// shape: an abstract test class generic in <c>TDatabase</c> and one one-line subclass per provider
/// (<c>PostgresXTests</c>, <c>SqliteXTests</c>; see <c>Data/ProfileCascadeTests.cs</c>). The class shares one database
/// through <c>IClassFixture&lt;TDatabase&gt;</c>, or a test makes its own (<c>new TDatabase()</c>, or
/// <see cref="SchedulingDatabase.CreateAsync{TDatabase}"/> when hosts start and stop on it). A test for one provider only
/// goes in that provider's subclass.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private Dictionary<string, string?>? _configuration;
    private ServiceProvider? _services;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Configuration keys (as in appsettings or environment) that select this database.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => _configuration ?? throw NotInitialized();

    public DatabaseSettings Settings => DatabaseSettings.FromConfiguration(BuildConfiguration());

    /// <summary>The data services the app registers (<c>AddMonitorData</c>) over this database, plus logging.</summary>
    public IServiceProvider Services => _services ?? throw NotInitialized();

    public IDbContextFactory<MonitorDbContext> ContextFactory => Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>();

    public MonitorDbContext CreateDbContext() => ContextFactory.CreateDbContext();

    /// <summary>A context that sees only the rows of <paramref name="workspaceIds"/>, as a workspace member's request gets.</summary>
    public MonitorDbContext CreateRestrictedDbContext(params Guid[] workspaceIds) => RestrictedContexts.Create(ContextFactory, workspaceIds);

    /// <summary>Applies the migrations the way the app does at start; safe to call more than once.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

    /// <summary>
    /// For a class whose tests share this database: deletes every profile (their posts and runs go with them). Call it
    /// before the test's app starts, never under a running app, whose recovered runs would write the posts being
    /// deleted (a deadlock seen in CI).
    /// </summary>
    public async Task ClearProfilesAsync()
    {
        await MigrateAsync();
        await using var db = CreateDbContext();
        await db.Profiles.ExecuteDeleteAsync();
    }

    /// <summary>This database's configuration, with <paramref name="overrides"/> applied on top.</summary>
    public IConfiguration BuildConfiguration(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Configuration)
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    public async Task InitializeAsync()
    {
        _configuration = new Dictionary<string, string?>(await CreateAsync());
        _services = new ServiceCollection()
            .AddLogging()
            .AddMonitorData(Settings)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_configuration is not null)
        {
            await DeleteAsync();
        }
    }

    public override string ToString() => Provider.ToString();

    /// <summary>Creates the empty database and returns the configuration keys that select it.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>> CreateAsync();

    protected abstract Task DeleteAsync();

    private static InvalidOperationException NotInitialized() =>
        new("The test database is not initialised: use it as an xunit fixture (IClassFixture<T>) or call InitializeAsync.");
}
