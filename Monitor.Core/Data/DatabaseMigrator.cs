using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Monitor.Core.Data;

/// <summary>Applies the provider's checked-in migrations: at start-up and from the <c>migrate</c> command.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<MonitorDbContext> contextFactory,
    DatabaseSettings settings,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Here rather than at registration, so that a folder that cannot be made is reported like any other
            // unusable data folder (DataFolderProblem) instead of failing while services are registered.
            Directory.CreateDirectory(settings.DataDirectory);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await CreateHistoryTableAsync(db, cancellationToken);
        await SquashBaseline.ApplyAsync(db, logger, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Database: {Database}; {Count} migration(s) to apply", settings.Describe(), pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the dashboard read while a run writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// As the migration itself would. EF reads the migration history by querying its table and taking a missing table
    /// for an empty history, and logs that query as a failed command: a new database's first start printed three
    /// "fail:" lines before starting normally.
    /// </summary>
    private static async Task CreateHistoryTableAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
    }
}
