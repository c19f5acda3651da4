using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Posts.History;

/// <summary>
/// PostgreSQL: creates the current month's partition of the post history and <see cref="HistoryOptions.PartitionMonthsAhead"/>
/// after it, so a write never lands in the default partition, and moves into a new month's partition the rows the
/// default partition holds for it. Idempotent; SQLite has no partitions.
/// </summary>
public sealed class HistoryPartitionMaintainer(
    IDbContextFactory<MonitorDbContext> contexts, IOptions<HistoryOptions> options, TimeProvider time)
{
    private const string Columns = "post_id, first_at, views, likes, shares, comments, saves, repeats";

    /// <summary>The partitions ensured (none on SQLite).</summary>
    public async Task<IReadOnlyList<HistoryPartition>> EnsureAheadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var partitions = HistoryPartitions.Between(now, HistoryPartitions.MonthStart(now).AddMonths(options.Value.PartitionMonthsAhead));
        foreach (var partition in partitions)
        {
            // Rows of the month that landed in the default partition (written before the month existed) would make the
            // CREATE fail: they move into it in the same transaction, so the default stays empty.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"""
                CREATE TEMP TABLE history_moving ON COMMIT DROP AS
                WITH d AS (DELETE FROM {HistoryStorageSql.Table}_default
                           WHERE first_at >= '{partition.From:yyyy-MM-dd} 00:00:00+00' AND first_at < '{partition.To:yyyy-MM-dd} 00:00:00+00'
                           RETURNING {Columns})
                SELECT {Columns} FROM d
                """), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {HistoryStorageSql.Table} ({Columns}) SELECT {Columns} FROM history_moving", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return partitions;
    }
}
