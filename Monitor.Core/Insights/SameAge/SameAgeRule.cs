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
            ? Posts.History.HistoryStorageSql.PostgresLatestBetween("p.id", "views", from, to)
            : $"""
                (SELECT h.views FROM {Posts.History.HistoryStorageSql.ObservationsView} h
                 WHERE h.post_id = p.id AND h.recorded_at >= {from} AND h.recorded_at <= {to}
                 ORDER BY h.recorded_at DESC LIMIT 1)
                """;
    }
}
