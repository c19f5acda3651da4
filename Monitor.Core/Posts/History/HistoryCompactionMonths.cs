using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Posts.History;

/// <summary>
/// The months (UTC, the partitions' ranges) the compaction walks, and which of them it can skip: a month every
/// observation of which is at one resolution, and marked done at that resolution, has nothing left to compact until
/// its observations age into the next tier.
/// </summary>
internal static class HistoryCompactionMonths
{
    /// <summary>The months holding history from the oldest up to the one holding <paramref name="cutoff"/>.</summary>
    public static async Task<List<DateTime>> UpToAsync(MonitorDbContext db, DateTime cutoff, CancellationToken cancellationToken)
    {
        var earliest = await EarliestAsync(db, cancellationToken);
        var months = new List<DateTime>();
        for (var month = earliest ?? cutoff; earliest is not null && month < cutoff; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>
    /// Whether a month needs a pass at <paramref name="now"/>: it does unless it was marked done at the coarsest
    /// resolution any of its observations has now (that of its first instant: older is coarser).
    /// </summary>
    public static bool IsDone(HistoryCompactionMark? mark, HistoryTierPolicy policy, DateTime month, DateTime now) =>
        mark is not null && mark.Resolution == policy.ResolutionOf(month, now);

    /// <summary>
    /// The resolution a month is marked done at after a full pass, or null while its observations are not all at one
    /// resolution (its first and last instants differ), so that the next pass comes back to it.
    /// </summary>
    public static HistoryResolution? Settled(HistoryTierPolicy policy, DateTime month, DateTime now)
    {
        var coarsest = policy.ResolutionOf(month, now);
        return coarsest != HistoryResolution.Raw && policy.ResolutionOf(month.AddMonths(1).AddTicks(-1), now) == coarsest
            ? coarsest
            : null;
    }

    /// <summary>
    /// The spans read to decide a month's: from the previous month's second half to the next month's first. A day or ISO
    /// week (at most 8 days with the zone's offset) holding one of the month's observations lies inside it, and a span
    /// never crosses a half month, so every observation of those periods is read.
    /// </summary>
    public static (DateTime From, DateTime To) Context(DateTime month) => (month.AddMonths(-1).AddDays(15), month.AddMonths(1).AddDays(15));

    /// <summary>
    /// PostgreSQL: the oldest month partition (the catalog, not the rows) or the oldest row the default partition holds;
    /// SQLite: the oldest span (one read of the table's key).
    /// </summary>
    private static async Task<DateTime?> EarliestAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var oldest = await db.Set<PostHistorySpan>().MinAsync(s => (DateTime?)s.FirstAt, cancellationToken);
            return oldest is { } at ? HistoryPartitions.MonthStart(at) : null;
        }

        var partition = await db.Database.SqlQueryRaw<string?>($"""
            SELECT min(c.relname) AS "Value" FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = '{HistoryStorageSql.Table}' AND c.relname <> '{HistoryStorageSql.Table}_default'
            """).SingleAsync(cancellationToken);
        var inDefault = await db.Database.SqlQueryRaw<DateTime?>(
            $"""SELECT min(first_at) AS "Value" FROM {HistoryStorageSql.Table}_default""").SingleAsync(cancellationToken);
        DateTime? fromPartition = partition is null
            ? null
            : DateTime.ParseExact(partition[(HistoryStorageSql.Table.Length + 1)..], "yyyy_MM", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        DateTime? fromDefault = inDefault is { } d ? HistoryPartitions.MonthStart(d.ToUniversalTime()) : null;
        return fromPartition is null ? fromDefault : fromDefault is null || fromPartition < fromDefault ? fromPartition : fromDefault;
    }
}
