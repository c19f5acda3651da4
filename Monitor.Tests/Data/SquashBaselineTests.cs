using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary>
/// A database at the released schema (built from Data/Fixtures/released-schema-&lt;provider&gt;.sql, written by
/// scripts/squash-migrations.sh) upgrades to exactly the schema a new install gets: after the squash, that proves the
/// initial migration carries every hand-written object and the baseline delta every later change.
/// </summary>
public abstract class SquashBaselineTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Migrate_DatabaseAtReleasedSchema_EndsWithTheSchemaOfANewDatabase()
    {
        await using var fresh = new TDatabase();
        await fresh.InitializeAsync();
        await fresh.MigrateAsync();
        await using var released = await ReleasedDatabase.CreateAsync<TDatabase>();

        await released.MigrateAsync();
        await released.MigrateAsync();

        var (freshSchema, releasedSchema) = (await SchemaSnapshot.ReadAsync(fresh), await SchemaSnapshot.ReadAsync(released));
        Assert.Equal(freshSchema.Where(IsNotDefault), releasedSchema.Where(IsNotDefault));
        // A column added to a table with rows kept the default that filled them; the app writes every column anyway.
        Assert.Subset(releasedSchema.Where(IsDefault).ToHashSet(), freshSchema.Where(IsDefault).ToHashSet());
        await using var db = released.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        db.Profiles.Add(new TiktokProfile { Handle = "after_baseline", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Workspaces.CountAsync());
    }

    [Fact]
    public async Task Migrate_DatabaseOlderThanTheRelease_IsRefusedWithTheUpgradePath()
    {
        await using var released = await ReleasedDatabase.CreateAsync<TDatabase>();
        await using (var db = released.CreateDbContext())
        {
            var last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetDeleteScript(last));
        }

        var error = await Assert.ThrowsAsync<SchemaTooOldException>(() => released.MigrateAsync());

        Assert.Contains("Upgrade to that release first", error.Message, StringComparison.Ordinal);
    }

    private static bool IsDefault(string line) => line.StartsWith("default ", StringComparison.Ordinal);

    private static bool IsNotDefault(string line) => !IsDefault(line);
}

public sealed class PostgresSquashBaselineTests : SquashBaselineTests<PostgresDatabase>;

public sealed class SqliteSquashBaselineTests : SquashBaselineTests<SqliteDatabase>;
