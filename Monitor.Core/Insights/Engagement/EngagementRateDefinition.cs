using Monitor.Core.Metrics;

namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// One engagement rate and every name it goes by: its machine name (<c>views</c>), its label, its formula, its API field
/// (<c>engagementRateByViews</c>) and CSV header, its C# computation and its SQL expression. Everything that shows or
/// computes a rate takes it from <see cref="All"/>, so a rate is defined, and renamed, here only.
/// Unknown is not zero: a missing counter gives no rate, and so does a zero or missing denominator (never 0, never ∞).
/// </summary>
public sealed class EngagementRateDefinition
{
    private EngagementRateDefinition(EngagementRateVariant variant, string name, string denominatorName, IReadOnlyList<MetricDefinition> numerator, bool byFollowers)
    {
        Variant = variant;
        Name = name;
        Numerator = numerator;
        DividesByFollowers = byFollowers;
        Formula = $"({string.Join(" + ", numerator.Select(m => m.Column))}) / {denominatorName}";
    }

    public static EngagementRateDefinition ByViews { get; } =
        new(EngagementRateVariant.Views, "views", "views", [Metric(nameof(PostMetrics.Likes)), Metric(nameof(PostMetrics.Comments)), Metric(nameof(PostMetrics.Shares))], byFollowers: false);

    public static EngagementRateDefinition ByViewsWithSaves { get; } =
        new(EngagementRateVariant.ViewsWithSaves, "viewsWithSaves", "views", [Metric(nameof(PostMetrics.Likes)), Metric(nameof(PostMetrics.Comments)), Metric(nameof(PostMetrics.Shares)), Metric(nameof(PostMetrics.Saves))], byFollowers: false);

    public static EngagementRateDefinition ByFollowers { get; } =
        new(EngagementRateVariant.Followers, "followers", "followers at posting", [Metric(nameof(PostMetrics.Likes)), Metric(nameof(PostMetrics.Comments)), Metric(nameof(PostMetrics.Shares))], byFollowers: true);

    /// <summary>In the order the API, the grid and the CSV show them; the default first.</summary>
    public static IReadOnlyList<EngagementRateDefinition> All { get; } = [ByViews, ByViewsWithSaves, ByFollowers];

    public static EngagementRateDefinition Default => ByViews;

    public EngagementRateVariant Variant { get; }

    /// <summary>The stable machine name: <c>views</c>, <c>viewsWithSaves</c>, <c>followers</c>.</summary>
    public string Name { get; }

    /// <summary>The counters summed above the line, as <see cref="PostMetrics"/> names them.</summary>
    public IReadOnlyList<MetricDefinition> Numerator { get; }

    /// <summary>Divided by the followers at the time of posting rather than by the post's views.</summary>
    public bool DividesByFollowers { get; }

    /// <summary><c>(likes + comments + shares) / views</c>: what a caption or a tooltip says.</summary>
    public string Formula { get; }

    /// <summary>"Engagement rate by views": a column title or a card's heading.</summary>
    public string Label => Variant switch
    {
        EngagementRateVariant.ViewsWithSaves => "Engagement rate by views, with saves",
        EngagementRateVariant.Followers => "Engagement rate by followers",
        _ => "Engagement rate by views",
    };

    /// <summary>The API field of a post's rate: <c>engagementRateByViews</c>.</summary>
    public string JsonName => "engagementRateBy" + char.ToUpperInvariant(Name[0]) + Name[1..];

    /// <summary>The CSV column: the field name with its formula, <c>engagementRateByViews = (likes + comments + shares) / views</c>.</summary>
    public string CsvHeader => $"{JsonName} = {Formula}";

    /// <summary>The rate of one post; null when it is unknown (a counter or the denominator missing, or a zero denominator).</summary>
    /// <param name="followersAtPosting">The account's followers when the post was published, when known (only the followers variant reads it).</param>
    public double? Compute(PostMetrics metrics, long? followersAtPosting = null)
    {
        long sum = 0;
        foreach (var metric in Numerator)
        {
            if (metrics[metric] is not { } value)
            {
                return null;
            }

            sum += value;
        }

        var denominator = DividesByFollowers ? followersAtPosting : metrics.Views;
        return denominator is > 0 ? (double)sum / denominator.Value : null;
    }

    /// <summary>The SQL sum above the line (NULL when any counter is): <c>(p.likes + p.comments + p.shares)</c>.</summary>
    public string NumeratorSql(string alias) => "(" + string.Join(" + ", Numerator.Select(m => alias + m.Column)) + ")";

    /// <summary>The SQL denominator, NULL when not above zero.</summary>
    /// <param name="followersAtPostingSql">The SQL of the followers at posting (see <see cref="FollowersAtPosting.Sql"/>).</param>
    public string DenominatorSql(string alias, string followersAtPostingSql) =>
        DividesByFollowers ? $"CASE WHEN {followersAtPostingSql} > 0 THEN {followersAtPostingSql} END" : $"CASE WHEN {alias}views > 0 THEN {alias}views END";

    /// <summary>The SQL rate of a post row, NULL under the same rules as <see cref="Compute"/>; the same on PostgreSQL and SQLite.</summary>
    public string RateSql(string alias, string followersAtPostingSql) =>
        $"CAST({NumeratorSql(alias)} AS double precision) / {DenominatorSql(alias, followersAtPostingSql)}";

    public static EngagementRateDefinition Of(EngagementRateVariant variant) => All.Single(d => d.Variant == variant);

    /// <summary>The definition called <paramref name="name"/> (machine name or API field, any case); null when none is.</summary>
    public static EngagementRateDefinition? Find(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.JsonName, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;

    private static MetricDefinition Metric(string name) => PostMetrics.All.Single(m => m.Name == name);
}
