namespace Monitor.Core.Insights.Engagement;

/// <summary>Which engagement rate: the counters summed and what they are divided by (see <see cref="EngagementRateDefinition"/>).</summary>
public enum EngagementRateVariant
{
    /// <summary>(likes + comments + shares) / views: the default.</summary>
    Views,

    /// <summary>(likes + comments + shares + saves) / views.</summary>
    ViewsWithSaves,

    /// <summary>(likes + comments + shares) / followers at the time of posting.</summary>
    Followers,
}
