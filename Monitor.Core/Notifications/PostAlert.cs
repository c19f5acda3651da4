namespace Monitor.Core.Notifications;

/// <summary>
/// A growth or breakout alert already raised for a post at a threshold in a workspace; unique, so the same post alerts
/// once per workspace and threshold even when two nodes evaluate it, and one workspace's alert never silences another's.
/// </summary>
public sealed class PostAlert
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public long PostId { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The threshold in force, e.g. "50%+10000" or "5x": a new threshold may alert again.</summary>
    public required string Threshold { get; set; }

    public DateTime SentAt { get; set; }
}
