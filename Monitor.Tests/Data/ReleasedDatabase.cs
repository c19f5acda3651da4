using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary>
/// A database at the schema of the last release before the migrations were squashed (1.0.0), built from
/// Data/Fixtures/released-schema-&lt;provider&gt;.sql (written by scripts/squash-migrations.sh): what an upgrade starts from.
/// </summary>
public static class ReleasedDatabase
{
    public static async Task<TDatabase> CreateAsync<TDatabase>()
        where TDatabase : TestDatabase, new()
    {
        var database = new TDatabase();
        await database.InitializeAsync();
        var fixture = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", $"released-schema-{database.Provider.ToString().ToLowerInvariant()}.sql");
        await SchemaSnapshot.ExecuteScriptAsync(database, await File.ReadAllTextAsync(fixture));
        return database;
    }
}
