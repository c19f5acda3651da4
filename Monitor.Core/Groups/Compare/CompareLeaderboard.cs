namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The compare table ranked by one column (the page's header click and the API's <c>sortBy</c>): rows without the
/// figure go last in either direction, ties keep the handle order. <see cref="ProfileKey"/> ranks by handle.
/// </summary>
public static class CompareLeaderboard
{
    public const string ProfileKey = "profile";

    /// <summary>The page's and the API's ranking when none is asked for.</summary>
    public static string DefaultKey => CompareColumns.MedianViews.Key;

    public static bool IsKnown(string? key, IReadOnlyList<CompareColumn> columns) =>
        string.Equals(key, ProfileKey, StringComparison.OrdinalIgnoreCase)
        || (columns ?? throw new ArgumentNullException(nameof(columns))).Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<GroupCompareRow> Sort(IEnumerable<GroupCompareRow> rows, IReadOnlyList<CompareColumn> columns, string key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (string.Equals(key, ProfileKey, StringComparison.OrdinalIgnoreCase))
        {
            return descending ? [.. rows.OrderByDescending(r => r.Handle, StringComparer.Ordinal)] : [.. rows.OrderBy(r => r.Handle, StringComparer.Ordinal)];
        }

        var column = columns.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)) ?? columns[0];
        var all = rows.ToList();
        var known = all.Where(r => column.Value(r) is not null);
        var ordered = descending ? known.OrderByDescending(column.Value) : known.OrderBy(column.Value);
        return [.. ordered.ThenBy(r => r.Handle, StringComparer.Ordinal),
            .. all.Where(r => column.Value(r) is null).OrderBy(r => r.Handle, StringComparer.Ordinal)];
    }
}
