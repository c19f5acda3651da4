namespace Monitor.Core.Notifications.Delivery;

/// <summary>A delivery the receiver refused, with a message safe to store and show (no secret in it).</summary>
public sealed class NotificationSendException : Exception
{
    public NotificationSendException()
    {
    }

    public NotificationSendException(string message)
        : base(message)
    {
    }

    public NotificationSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
