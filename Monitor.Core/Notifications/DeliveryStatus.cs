namespace Monitor.Core.Notifications;

/// <summary>Where a delivery is: waiting (first try or a retry after a backoff), being sent by a node, sent, or given up.</summary>
public enum DeliveryStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}
