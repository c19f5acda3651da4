namespace Monitor.Core.Notifications;

/// <summary>The guard of the daily digest: the first node to insert a day's row sends that day's digest, no other.</summary>
public sealed class NotificationDigestDay
{
    public DateOnly Day { get; set; }
    public DateTime SentAt { get; set; }
}
