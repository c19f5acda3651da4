using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;
using Npgsql;

namespace Monitor.Benchmarks;

/// <summary>
/// A fresh database for one scenario (a new database on the PostgreSQL server, or a new SQLite file), migrated the way
/// the app migrates, with Monitor.Core's services over it as the app registers them.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Func<Task> _drop;

    private BenchDatabase(DatabaseProvider provider, IConfiguration configuration, Func<Task> drop, Action<IServiceCollection>? configure = null)
    {
        Provider = provider;
        Configuration = configuration;
        Settings = DatabaseSettings.FromConfiguration(configuration);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None).AddSimpleConsole());
        builder.Services.AddMonitorCore(configuration);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string Name => Provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    public IConfiguration Configuration { get; }

    public DatabaseSettings Settings { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The app's hosted services (the scheduler, the reaper), for the scenarios that run monitoring end to end.</summary>
    public IHost Host => _host;

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="configure">Changes to the app's services (a seam of one scenario).</param>
    /// <param name="kept">A PostgreSQL database by this name is created if missing, reused if present, and not dropped.</param>
    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, BenchmarkSettings settings, IEnumerable<KeyValuePair<string, string?>>? extra = null,
        Action<IServiceCollection>? configure = null, string? kept = null)
    {
        var name = kept ?? $"bench_{Guid.NewGuid():N}";
        var keys = new Dictionary<string, string?> { ["DATABASE_URL"] = "", ["QUEUE_NAME"] = "none", ["ScrapeCreators:ApiKey"] = "" };
        Func<Task> drop;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = settings.PostgresServer ?? throw new InvalidOperationException("No PostgreSQL server: pass --postgres or set MONITOR_BENCH_POSTGRES.");
            if (kept is null || !await ExistsAsync(server, name))
            {
                await ExecuteAsync(server, $"CREATE DATABASE {name}");
            }

            keys["ConnectionStrings:Monitor"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            drop = kept is null ? () => ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)") : () => Task.CompletedTask;
        }
        else
        {
            var directory = Path.Combine(settings.SqliteDirectory, name);
            Directory.CreateDirectory(directory);
            keys["ConnectionStrings:Monitor"] = "";
            keys["MONITOR_DATA_DIR"] = directory;
            drop = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            };
        }

        foreach (var (key, value) in extra ?? [])
        {
            keys[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var database = new BenchDatabase(provider, configuration, drop, configure);
        await database.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Another node of the app on this same database (its own services and hosted services); dropping stays with this one.</summary>
    public BenchDatabase SecondNode(Action<IServiceCollection>? configure = null) => new(Provider, Configuration, () => Task.CompletedTask, configure);

    public async Task<Guid> AddProfileAsync(string handle, bool monitoring = false, DateTime? nextRun = null)
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = handle, MonitoringEnabled = monitoring, NextMonitoringRun = nextRun, CreatedAt = now, UpdatedAt = now };
        await using var db = await Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        // Watched by the first workspace, as a profile the app adds is (a group holds only its workspace's profiles).
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = profile.Id, AddedAt = now });
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>
    /// Polls every <paramref name="poll"/> until no run (from <paramref name="firstRun"/> on) is pending or running;
    /// fails after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForOpenRunsAsync(TimeSpan timeout, TimeSpan poll, long firstRun = 0)
    {
        var factory = Get<IDbContextFactory<MonitorDbContext>>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var open = await db.Runs.CountAsync(l => l.Id >= firstRun && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running));
            if (open == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{open} runs still open after {timeout}.");
            }

            await Task.Delay(poll);
        }
    }

    /// <summary>
    /// Waits until <paramref name="runs"/> runs of this process have closed as completed or failed (heard from the event
    /// hub, so the wait costs the app's process no polling), then confirms in the database that none is still open,
    /// polling every <paramref name="poll"/> from there if one is (a retry queued by a failure).
    /// </summary>
    /// <param name="queue">Queues the runs; called once the hub is listened to, so no close is missed.</param>
    public async Task WaitForClosesAsync(int runs, Func<Task> queue, TimeSpan timeout, TimeSpan poll)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var closed = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (Get<Monitor.Core.LiveEvents.MonitoringEventHub>().SubscribeToLocal(e =>
        {
            if (e.Kind is Monitor.Core.LiveEvents.MonitoringEventKind.Completed or Monitor.Core.LiveEvents.MonitoringEventKind.Failed
                && Interlocked.Increment(ref closed) >= runs)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        }))
        {
            await queue();
            await all.Task.WaitAsync(timeout);
        }

        await WaitForOpenRunsAsync(timeout, poll);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _drop();
    }

    private static async Task<bool> ExistsAsync(string serverConnectionString, string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Runs one statement on the server's own database (create/drop a database, a server setting).</summary>
    public static async Task ExecuteAsync(string serverConnectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
