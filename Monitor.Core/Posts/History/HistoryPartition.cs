namespace Monitor.Core.Posts.History;

/// <summary>One month's partition of the PostgreSQL post history: spans whose first observation is in [From, To) UTC.</summary>
public sealed record HistoryPartition(string Name, DateTime From, DateTime To);
