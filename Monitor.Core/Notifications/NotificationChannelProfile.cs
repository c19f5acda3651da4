namespace Monitor.Core.Notifications;

/// <summary>One profile a channel is limited to.</summary>
public sealed class NotificationChannelProfile
{
    public Guid ChannelId { get; set; }
    public Guid ProfileId { get; set; }
}
