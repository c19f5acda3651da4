namespace Monitor.Core.Notifications.Delivery;

/// <summary>The outcome of "Send test": sent, or why not; the attempt is in the delivery log too.</summary>
public sealed record ChannelTestResult(bool Sent, string? Error, long DeliveryId);
