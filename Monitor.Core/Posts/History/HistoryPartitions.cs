using System.Globalization;

namespace Monitor.Core.Posts.History;

/// <summary>
/// The monthly partitions of the PostgreSQL post history (docs/history-storage.md): which exist ahead of time, and the
/// lower bound that lets a time-bounded query be pruned to its months. A span never crosses a month, so every
/// observation of a span lies in its partition's range.
/// </summary>
public static class HistoryPartitions
{
    /// <summary>Months created ahead of the current one, so a write never lands in the default partition.</summary>
    public const int MonthsAhead = 3;

    /// <summary>The first instant (UTC) of the month holding <paramref name="at"/>.</summary>
    public static DateTime MonthStart(DateTime at) => new(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The lower bound on a span's <c>first_at</c> for observations at or after <paramref name="from"/>: a span lies in one
    /// half month, so its start is at least the month start of any of its observations.
    /// </summary>
    public static DateTime FirstAtFrom(DateTime from) => MonthStart(from);

    /// <summary>The current month's partition and the <see cref="MonthsAhead"/> after it.</summary>
    public static IReadOnlyList<HistoryPartition> Ahead(DateTime now) => Between(MonthStart(now), MonthStart(now).AddMonths(MonthsAhead));

    /// <summary>Every month's partition from the month of <paramref name="from"/> to that of <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<HistoryPartition> Between(DateTime from, DateTime to)
    {
        var partitions = new List<HistoryPartition>();
        for (var month = MonthStart(from); month <= to; month = month.AddMonths(1))
        {
            partitions.Add(new HistoryPartition(
                string.Create(CultureInfo.InvariantCulture, $"{HistoryStorageSql.Table}_{month:yyyy_MM}"), month, month.AddMonths(1)));
        }

        return partitions;
    }

    /// <summary>Creates the partition unless it exists (safe to repeat, at start and daily).</summary>
    public static string CreateSql(HistoryPartition partition) => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE TABLE IF NOT EXISTS {partition.Name} PARTITION OF {HistoryStorageSql.Table}
        FOR VALUES FROM ('{partition.From:yyyy-MM-dd} 00:00:00+00') TO ('{partition.To:yyyy-MM-dd} 00:00:00+00')
        """);
}
