namespace Monitor.Core.Posts.History;

/// <summary>
/// What one compaction pass did: open spans moved to the history, posts and spans rewritten, and the months whose spans
/// it read (a month marked done is not).
/// </summary>
public sealed record HistoryCompactionResult(int OpenSpansClosed, int PostsCompacted, int SpansRewritten, int MonthsScanned);
