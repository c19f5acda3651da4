using Monitor.Core.Data;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Monitoring;

/// <summary>
/// A fresh database for one scheduling test (hosts are started and stopped on it, as a restart would), with a Quartz
/// scheduler name of its own so that PostgreSQL tests never share a job store.
/// </summary>
internal sealed class SchedulingDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _schedulerName = $"sched_{Guid.NewGuid():N}"[..18];

    private SchedulingDatabase(TestDatabase database) => _database = database;

    public static async Task<SchedulingDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database = provider == DatabaseProvider.Postgres ? new PostgresDatabase() : new SqliteDatabase();
        await database.InitializeAsync();
        return new SchedulingDatabase(database);
    }

    public DatabaseProvider Provider => _database.Provider;

    public MonitorDbContext CreateDbContext() => _database.CreateDbContext();

    public Dictionary<string, string?> Settings() => new(_database.Configuration) { ["Quartz:SchedulerName"] = _schedulerName };

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
