using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Posts.History;

/// <summary>
/// PostgreSQL: creates the current month's partition of the post history and <see cref="HistoryOptions.PartitionMonthsAhead"/>
/// after it, so a write never lands in the default partition. Idempotent; SQLite has no partitions.
/// </summary>
public sealed class HistoryPartitionMaintainer(
    IDbContextFactory<MonitorDbContext> contexts, IOptions<HistoryOptions> options, TimeProvider time)
{
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
            await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition), cancellationToken);
        }

        return partitions;
    }
}
