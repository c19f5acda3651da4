namespace Monitor.Core.Posts;

public sealed record MetricsSnapshotDto(long? Views, long? Likes, long? Shares, long? Comments, long? Saves, DateTime RecordedAt);
