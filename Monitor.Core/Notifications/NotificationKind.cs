namespace Monitor.Core.Notifications;

/// <summary>What one message is about; each kind but <see cref="Test"/> belongs to one subscribable event.</summary>
public enum NotificationKind
{
    RunFailed,
    Recovered,
    Growth,
    Breakout,
    Digest,
    Budget,

    /// <summary>Sent by "Send test", to one channel whatever its events.</summary>
    Test,
}
