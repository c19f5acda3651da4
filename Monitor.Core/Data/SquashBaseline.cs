using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Monitor.Core.Data;

/// <summary>
/// Moves a database migrated by the last release before the migrations were squashed onto the squashed chain, before
/// EF migrates: the SQL from that release's last migration to the squashed head (<c>Data/Baseline/&lt;provider&gt;-from-&lt;id&gt;.sql</c>,
/// written by scripts/squash-migrations.sh) runs, and the history rows become the initial migration's, in one transaction.
/// Without that file, or while the app still has the released migration, it does nothing.
/// </summary>
internal static class SquashBaseline
{
    private const string ResourcePrefix = "Baseline/";
    private const string History = "__EFMigrationsHistory";

    public static async Task ApplyAsync(MonitorDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (FindDelta(db.Provider) is not { } delta)
        {
            return;
        }

        var (released, resource) = delta;
        var migrations = db.Database.GetMigrations().ToList();
        if (migrations.Count == 0 || migrations.Contains(released, StringComparer.Ordinal))
        {
            return;
        }

        var initial = migrations[0];
        var before = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (before.Count == 0 || before.Contains(initial, StringComparer.Ordinal))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(db, null, db.Provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = OFF;" : "", cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // Several nodes may start at once: the first baselines, the others then see the initial migration.
                await ExecuteAsync(db, transaction, $"LOCK TABLE \"{History}\" IN ACCESS EXCLUSIVE MODE;", cancellationToken);
            }

            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            if (applied.Count == 0 || applied.Contains(initial, StringComparer.Ordinal))
            {
                return;
            }

            if (applied[^1] != released)
            {
                throw new SchemaTooOldException(
                    $"This database's schema ends at migration {applied[^1]}; this version of the app upgrades only databases at " +
                    $"{released}, the last migration of the release before its migrations were squashed into one. " +
                    "Upgrade to that release first (its start migrates the database), then start this version.");
            }

            logger.LogInformation("Database: moving the schema from migration {Released} to the squashed {Initial}", released, initial);
            await ExecuteAsync(db, transaction, await ReadAsync(resource, cancellationToken), cancellationToken);
            var history = db.GetService<IHistoryRepository>();
            var rows = string.Concat(applied.Select(history.GetDeleteScript))
                + history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion()));
            await ExecuteAsync(db, transaction, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(db, null, db.Provider == DatabaseProvider.Sqlite ? "PRAGMA foreign_keys = ON;" : "", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The last migration of the release before the squash, when this app ships the baseline for it.</summary>
    public static string? ReleasedMigration(DatabaseProvider provider) => FindDelta(provider)?.Released;

    /// <summary>The released migration id and the resource holding the SQL from it to the squashed head, if the app ships one.</summary>
    private static (string Released, string Resource)? FindDelta(DatabaseProvider provider)
    {
        var prefix = $"{ResourcePrefix}{provider.ToString().ToLowerInvariant()}-from-";
        var resource = typeof(SquashBaseline).Assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));
        return resource is null ? null : (resource[prefix.Length..^".sql".Length], resource);
    }

    private static async Task<string> ReadAsync(string resource, CancellationToken cancellationToken)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    // Raw commands, not ExecuteSqlRaw: the generated SQL may hold braces, which ExecuteSqlRaw reads as placeholders.
    private static async Task ExecuteAsync(MonitorDbContext db, IDbContextTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return;
        }

        await using var command = Command(db, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(MonitorDbContext db, IDbContextTransaction? transaction, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction?.GetDbTransaction();
        return command;
    }
}
