namespace Monitor.Core.Posts.History;

/// <summary>What one compaction pass changed: open spans moved to the history, posts and spans rewritten.</summary>
public sealed record HistoryCompactionResult(int OpenSpansClosed, int PostsCompacted, int SpansRewritten);
