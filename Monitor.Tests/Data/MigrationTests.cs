using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Scraping;

namespace Monitor.Tests.Data;

public abstract class MigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLogsNoError()
    {
        await using (var before = database.CreateDbContext())
        {
            Assert.Empty(await before.Database.GetAppliedMigrationsAsync());
        }

        var log = new CapturingLoggerProvider();
        await using (var services = new ServiceCollection().AddLogging(b => b.AddProvider(log)).AddMonitorData(database.Settings).BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        Assert.DoesNotContain(log.Lines, l => l.StartsWith($"{LogLevel.Error} ", StringComparison.Ordinal) || l.StartsWith($"{LogLevel.Critical} ", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("migration(s) to apply", StringComparison.Ordinal));

        await using var db = database.CreateDbContext();
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Profiles.CountAsync());
    }

    [Fact]
    public async Task Model_ComparedWithLatestMigration_HasNoPendingChanges()
    {
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {database.Provider} migration holds: add a migration for both providers.");
    }
}

public sealed class PostgresMigrationTests(PostgresDatabase database) : MigrationTests<PostgresDatabase>(database);

public sealed class SqliteMigrationTests(SqliteDatabase database) : MigrationTests<SqliteDatabase>(database);
