namespace Monitor.Core.Metrics;

/// <summary>
/// One of the <see cref="PostMetrics"/> counters and every name it goes by: the property (<c>Views</c>), the database
/// columns (<c>views</c>, <c>total_views</c>) and the seed's JSON names (<c>viewCount</c>, <c>totalViews</c>).
/// </summary>
public sealed class MetricDefinition
{
    internal MetricDefinition(string name, string singular, Func<PostMetrics, long?> get, Func<PostMetrics, long?, PostMetrics> with)
    {
        Name = name;
        Singular = singular;
        Get = get;
        With = with;
    }

    /// <summary>The property of <see cref="PostMetrics"/>, plural: <c>Views</c>. Also the label shown to users.</summary>
    public string Name { get; }

    /// <summary><c>View</c>.</summary>
    public string Singular { get; }

    public Func<PostMetrics, long?> Get { get; }

    public Func<PostMetrics, long?, PostMetrics> With { get; }

    /// <summary>The column of a post or a history row: <c>views</c>.</summary>
    public string Column => Name.ToLowerInvariant();

    /// <summary>The column of a profile's (or its history's) sum: <c>total_views</c>.</summary>
    public string TotalColumn => "total_" + Column;

    /// <summary>The JSON name of a post's or a snapshot's counter: <c>viewCount</c>.</summary>
    public string CountJsonName => Singular.ToLowerInvariant() + "Count";

    /// <summary>The JSON name of a profile's sum: <c>totalViews</c>.</summary>
    public string TotalJsonName => "total" + Name;

    /// <summary>True for any of the names a client may sort or filter by: <c>views</c>, <c>viewCount</c>, <c>totalViews</c>.</summary>
    public bool IsCalled(string? name) =>
        string.Equals(name, Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, CountJsonName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, TotalJsonName, StringComparison.OrdinalIgnoreCase);

    public static MetricDefinition? Find(string? name) => PostMetrics.All.FirstOrDefault(m => m.IsCalled(name));

    public override string ToString() => Name;
}
