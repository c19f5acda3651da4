namespace Monitor.Core.Metrics;

/// <summary>The metric columns as SQL fragments, in the order of <see cref="PostMetrics.All"/>.</summary>
internal static class MetricSql
{
    /// <summary><c>views, likes, …</c>, each with <paramref name="prefix"/> (a table alias and dot, or a parameter sigil).</summary>
    public static string Columns(string prefix = "") => string.Join(", ", PostMetrics.All.Select(m => prefix + m.Column));

    /// <summary><c>total_views, total_likes, …</c></summary>
    public static string TotalColumns() => string.Join(", ", PostMetrics.All.Select(m => m.TotalColumn));

    /// <summary><c>COALESCE(sum(views), 0), …</c></summary>
    public static string Sums() => string.Join(", ", PostMetrics.All.Select(m => $"COALESCE(sum({m.Column}), 0)"));

    /// <summary><c>views = COALESCE(excluded.views, table.views), …</c>: an omitted counter keeps its last known value.</summary>
    public static string KeepKnownOnConflict(string table) =>
        string.Join(",\n    ", PostMetrics.All.Select(m => $"{m.Column} = COALESCE(excluded.{m.Column}, {table}.{m.Column})"));
}
