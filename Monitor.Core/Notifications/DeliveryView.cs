namespace Monitor.Core.Notifications;

/// <summary>One delivery in the log.</summary>
public sealed record DeliveryView(
    long Id,
    Guid? ChannelId,
    string ChannelName,
    string Kind,
    Guid? ProfileId,
    string? Handle,
    string Subject,
    string Text,
    string Status,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime? NextAttemptAt,
    DateTime? SentAt);
