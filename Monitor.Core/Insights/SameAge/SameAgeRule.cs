using System.Globalization;

namespace Monitor.Core.Insights.SameAge;

/// <summary>
/// A post's views at age A (24 h, 7 days after posting), from its metrics history, so posts of different ages compare
/// fairly: the views of its latest observation recorded at or before posted_at + A, counted only when that observation
/// was recorded at least 0.75·A after posting; otherwise (no observation yet, or only early ones) the views at A are
/// unknown, not zero. An early observation would understate a young post; the latest one before A loses at most a
/// quarter of A. Times compare as stored (to the millisecond on SQLite; see <see cref="InsightSql.PlusSeconds"/>).
/// </summary>
public static class SameAgeRule
{
    public const double MinimumShareOfAge = 0.75;

    public static TimeSpan Day { get; } = TimeSpan.FromHours(24);

    public static TimeSpan Week { get; } = TimeSpan.FromDays(7);

    /// <summary>The ages the monitor compares at.</summary>
    public static IReadOnlyList<TimeSpan> Ages { get; } = [Day, Week];

    /// <summary>"24 h", "7 days".</summary>
    public static string Describe(TimeSpan age) => age.TotalHours < 48
        ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0.#} h")
        : string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0.#} days");

    /// <summary>The views at <paramref name="age"/> of the post row aliased <c>p</c>, as a correlated SQL subquery over its history.</summary>
    internal static string ViewsAtAgeSql(InsightSql sql, TimeSpan age)
    {
        var ageSeconds = (long)age.TotalSeconds;
        var earliest = (long)Math.Ceiling(age.TotalSeconds * MinimumShareOfAge);
        // The latest observation at or before A is in [0.75·A, A] exactly when one there exists: the newest of that range.
        var from = sql.PlusSeconds("p.posted_at", earliest);
        var to = sql.PlusSeconds("p.posted_at", ageSeconds);
        return sql.IsPostgres
            ? PostgresViewsBetween(from, to)
            : $"""
                (SELECT h.views FROM {Posts.History.HistoryStorageSql.ObservationsView} h
                 WHERE h.post_id = p.id AND h.recorded_at >= {from} AND h.recorded_at <= {to}
                 ORDER BY h.recorded_at DESC LIMIT 1)
                """;
    }

    /// <summary>
    /// PostgreSQL: the views of the post <c>p</c>'s latest observation at or before <paramref name="to"/> when that
    /// observation is at or after <paramref name="from"/>, else null. It reads the spans, not the observations view: the
    /// latest span starting at or before <paramref name="to"/> holds that observation (a later span starts later), so
    /// one index seek a post finds it, in the open span or in the closed table's partitions of the half months that can
    /// hold it (a span never starts before the half month of its observations), and only that span's repeats are expanded.
    /// </summary>
    private static string PostgresViewsBetween(string from, string to) => $"""
        (SELECT CASE WHEN s.at >= {from} THEN s.views END
         FROM (SELECT x.views,
                      (SELECT max(x.first_at + o.ms * interval '1 millisecond') FROM unnest(array_prepend(0, x.repeats)) AS o(ms)
                       WHERE x.first_at + o.ms * interval '1 millisecond' <= {to}) AS at
               FROM ((SELECT c.first_at, c.views, c.repeats FROM {Posts.History.HistoryStorageSql.Table} c
                      WHERE c.post_id = p.id AND c.first_at <= {to} AND c.first_at >= post_history_half_month({from})
                      ORDER BY c.first_at DESC LIMIT 1)
                     UNION ALL
                     (SELECT o.first_at, o.views, o.repeats FROM {Posts.History.HistoryStorageSql.OpenTable} o
                      WHERE o.post_id = p.id AND o.first_at <= {to})) x
               ORDER BY x.first_at DESC LIMIT 1) s)
        """;
}
