using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

/// <summary>A new database <c>test_&lt;guid&gt;</c> on the test server, dropped when the fixture is disposed.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    public string Name { get; } = $"test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string ConnectionString => PostgresServer.ConnectionStringFor(Name);

    protected override async Task<IReadOnlyDictionary<string, string?>> CreateAsync()
    {
        await PostgresServer.CreateDatabaseAsync(Name);
        // DATABASE_URL wins over the connection string: blank it so the environment cannot redirect the app under test.
        return new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = ConnectionString,
            ["DATABASE_URL"] = "",
        };
    }

    protected override Task DeleteAsync() => PostgresServer.DropDatabaseAsync(Name);
}
