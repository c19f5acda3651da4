using Npgsql;

namespace Monitor.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL server that <c>scripts/test.sh</c> starts and names in MONITOR_TEST_POSTGRES.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "MONITOR_TEST_POSTGRES";

    /// <summary>A connection string to the server's maintenance database, for creating and dropping test databases.</summary>
    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                // Failing (not skipping) keeps a green run honest: every PostgreSQL test ran.
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. Run the tests with "
                    + "`bash scripts/test.sh` (it starts a throwaway PostgreSQL and sets it), or set "
                    + $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\" yourself.");
            }

            return value;
        }
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string database)
    {
        await using (var pooled = new NpgsqlConnection(ConnectionStringFor(database)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
