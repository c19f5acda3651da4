namespace Monitor.Core.Posts;

public sealed class TikTokPostMetricsHistory
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public TiktokPost? Post { get; set; }

    public long? Views { get; set; }
    public long? Likes { get; set; }
    public long? Shares { get; set; }
    public long? Comments { get; set; }
    public long? Saves { get; set; }

    /// <summary>When these values were observed upstream.</summary>
    public DateTime RecordedAt { get; set; }
}
