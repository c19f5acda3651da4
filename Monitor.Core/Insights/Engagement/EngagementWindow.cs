using System.Globalization;

namespace Monitor.Core.Insights.Engagement;

/// <summary>Which posts a profile's engagement is computed over: its last <see cref="LastPosts"/> posts by posting time, or a period.</summary>
public sealed record EngagementWindow(EngagementWindowKind Kind, int LastPosts, InsightPeriod Period)
{
    public const int DefaultLastPosts = 30;

    public static EngagementWindow Last30 { get; } = new(EngagementWindowKind.LastPosts, DefaultLastPosts, InsightPeriod.AllTime);

    public static EngagementWindow Of(InsightPeriod period) => new(EngagementWindowKind.Period, 0, period);

    /// <summary>"the last 30 posts by posting time", "posts posted 2026-01-01 – 2026-02-01 (UTC)".</summary>
    public string Describe() => Kind == EngagementWindowKind.LastPosts
        ? string.Create(CultureInfo.InvariantCulture, $"the last {LastPosts} posts by posting time")
        : Period.Describe() == "all posts" ? "all posts" : "posts " + Period.Describe();
}
