namespace Monitor.Core.Notifications;

/// <summary>
/// One message to one channel, queued in the database and sent by the dispatcher of some node: a row is claimed (status
/// sending, a token, a lease) before it is sent, so two nodes never send it both. The log of every delivery.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public Guid? ChannelId { get; set; }
    public required string ChannelName { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid? ProfileId { get; set; }
    public string? Handle { get; set; }
    public string? Url { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
