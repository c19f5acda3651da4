using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications.Channels;

/// <summary>A channel as shown: every setting but its secret, which is only said to be set (and, for a webhook, its host).</summary>
public sealed record ChannelView(
    Guid Id,
    string Name,
    string Kind,
    bool Enabled,
    IReadOnlyList<string> Events,
    IReadOnlyList<Guid> ProfileIds,
    string? SmtpHost,
    int? SmtpPort,
    string? SmtpTls,
    string? SmtpUser,
    bool HasPassword,
    string? From,
    IReadOnlyList<string> To,
    string? WebhookTarget,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static ChannelView Of(NotificationChannel channel) => new(
        channel.Id,
        channel.Name,
        ChannelNames.Kind(channel.Kind),
        channel.Enabled,
        ChannelNames.Events(channel.Events),
        [.. channel.Profiles.Select(p => p.ProfileId)],
        channel.Kind == NotificationChannelKind.Email ? channel.SmtpHost : null,
        channel.Kind == NotificationChannelKind.Email ? channel.SmtpPort : null,
        channel.Kind == NotificationChannelKind.Email ? ChannelNames.Tls(channel.SmtpTls) : null,
        channel.Kind == NotificationChannelKind.Email ? channel.SmtpUser : null,
        channel.Kind == NotificationChannelKind.Email && channel.ProtectedSecret is not null,
        channel.FromAddress,
        channel.ToAddresses,
        channel.Kind == NotificationChannelKind.Webhook && channel.WebhookHost is { } host ? $"https://{host}/••••••" : null,
        channel.CreatedAt,
        channel.UpdatedAt);
}
