namespace Monitor.Core.Notifications.Alerts;

/// <summary>A post's views at one snapshot.</summary>
internal sealed record SnapshotPoint(long PostId, long Views, DateTime RecordedAt);
