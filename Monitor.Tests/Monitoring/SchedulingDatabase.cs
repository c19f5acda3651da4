using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Tests.Monitoring;

/// <summary>A throwaway database: a temp SQLite folder, or a fresh database on MONITOR_TEST_POSTGRES. Survives host restarts.</summary>
internal sealed class SchedulingDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private SchedulingDatabase(DatabaseProvider provider, string? adminConnectionString)
    {
        Provider = provider;
        _adminConnectionString = adminConnectionString;
        _name = "mt_" + Guid.NewGuid().ToString("N")[..12];
        SchedulerName = _name;
        DataDirectory = Path.Combine(Path.GetTempPath(), _name);
    }

    public DatabaseProvider Provider { get; }
    public string SchedulerName { get; }
    public string DataDirectory { get; }

    public string? PostgresConnectionString { get; private set; }

    public static async Task<SchedulingDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SchedulingDatabase(provider, null);
        }

        var admin = Environment.GetEnvironmentVariable("MONITOR_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MONITOR_TEST_POSTGRES is not set: start a PostgreSQL test cluster (see scripts/test.sh).");
        var database = new SchedulingDatabase(provider, admin);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database._name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        database.PostgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database._name }.ConnectionString;
        return database;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["MONITOR_DATA_DIR"] = DataDirectory,
        ["DATABASE_URL"] = PostgresConnectionString,
        ["Quartz:SchedulerName"] = SchedulerName,
    };

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
