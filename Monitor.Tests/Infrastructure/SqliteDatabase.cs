using Microsoft.Data.Sqlite;
using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

/// <summary>The app's embedded SQLite file in a new temporary data directory, deleted when the fixture is disposed.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<IReadOnlyDictionary<string, string?>> CreateAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        // Blank PostgreSQL keys so that a DATABASE_URL in the environment cannot redirect the app under test.
        IReadOnlyDictionary<string, string?> configuration = new Dictionary<string, string?>
        {
            ["MONITOR_DATA_DIR"] = DataDirectory,
            ["DATABASE_URL"] = "",
            ["ConnectionStrings:Monitor"] = "",
        };
        return Task.FromResult(configuration);
    }

    protected override Task DeleteAsync()
    {
        // Pooled connections keep the file open; close them before deleting it.
        using (var pooled = new SqliteConnection(Settings.ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
