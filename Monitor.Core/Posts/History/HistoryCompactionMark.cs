namespace Monitor.Core.Posts.History;

/// <summary>
/// A month of the post history (UTC, a PostgreSQL partition's range) whose every observation has been compacted to
/// <see cref="Resolution"/>: the daily pass skips it until its observations reach a coarser tier (docs/history-storage.md).
/// </summary>
public sealed class HistoryCompactionMark
{
    public DateTime Month { get; set; }

    public HistoryResolution Resolution { get; set; }

    public DateTime CompactedAt { get; set; }
}
