namespace Monitor.Core.Notifications;

/// <summary>How a channel delivers: an email over SMTP, or a JSON POST to a webhook URL (Slack, Discord, anything).</summary>
public enum NotificationChannelKind
{
    Email,
    Webhook,
}
