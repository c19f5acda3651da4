using Monitor.Core.Posts;

namespace Monitor.Core.Insights.Leaderboards;

/// <summary>The columns a leaderboard sorts by, by their API names; unknown values are refused by <see cref="Parse"/>.</summary>
public static class LeaderboardSort
{
    public static IReadOnlyList<string> Columns { get; } = ["posts", "medianViews", "medianEngagementRate", "bestPostViews", "key"];

    public static bool IsKnown(string? column) => column is null || Columns.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows in order of <paramref name="column"/> (posts by default), unknown figures last either way, then by key.</summary>
    public static IReadOnlyList<LeaderboardRow> Apply(IEnumerable<LeaderboardRow> rows, string? column, bool descending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (string.Equals(column, "key", StringComparison.OrdinalIgnoreCase))
        {
            return descending ? [.. rows.OrderByDescending(r => r.Key, StringComparer.Ordinal)] : [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];
        }

        Func<LeaderboardRow, double?> key = (column?.ToLowerInvariant()) switch
        {
            "medianviews" => r => r.MedianViews,
            "medianengagementrate" => r => r.MedianEngagementRate,
            "bestpostviews" => r => r.BestPost?.ViewCount,
            _ => r => r.Posts,
        };
        var known = rows.OrderBy(r => key(r) is null);
        return [.. (descending ? known.ThenByDescending(key) : known.ThenBy(key)).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
