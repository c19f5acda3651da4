using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test whose hosts are started and stopped on it (as a restart would), with a Quartz scheduler
/// name of its own so that PostgreSQL tests never share a job store. The provider is the test class's type argument,
/// as in every both-databases test: <c>await using var database = await SchedulingDatabase.CreateAsync&lt;TDatabase&gt;();</c>.
/// </summary>
public sealed class SchedulingDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _schedulerName = $"sched_{Guid.NewGuid():N}"[..18];

    private SchedulingDatabase(TestDatabase database) => _database = database;

    public static async Task<SchedulingDatabase> CreateAsync<TDatabase>()
        where TDatabase : TestDatabase, new()
    {
        var database = new TDatabase();
        await database.InitializeAsync();
        return new SchedulingDatabase(database);
    }

    public TestDatabase Database => _database;

    public DatabaseProvider Provider => _database.Provider;

    public MonitorDbContext CreateDbContext() => _database.CreateDbContext();

    public Dictionary<string, string?> Settings() => new(_database.Configuration) { ["Quartz:SchedulerName"] = _schedulerName };

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();
}
