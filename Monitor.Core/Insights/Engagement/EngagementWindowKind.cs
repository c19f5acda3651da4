namespace Monitor.Core.Insights.Engagement;

public enum EngagementWindowKind
{
    /// <summary>A profile's last N posts by posting time (30 unless said).</summary>
    LastPosts,

    /// <summary>The posts published in a period.</summary>
    Period,
}
