using Microsoft.EntityFrameworkCore;
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
}
