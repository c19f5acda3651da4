namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// The JSON a webhook receives. Slack and Discord show <see cref="Text"/> as it is (Discord reads <see cref="Content"/>);
/// other receivers can use the structured fields.
/// </summary>
internal sealed record WebhookPayload(
    string Text,
    string Content,
    string Event,
    string Subject,
    Guid? ProfileId,
    string? ProfileHandle,
    string? Url,
    string? DashboardUrl,
    DateTime SentAt);
