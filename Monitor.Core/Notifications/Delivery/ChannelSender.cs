using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>Sends one message to one channel by its kind, within <c>Notifications:SendTimeout</c>; throws when it was not delivered.</summary>
public sealed class ChannelSender(EmailSender email, WebhookSender webhook, NotificationSecrets secrets, IOptions<NotificationOptions> options)
{
    public Task SendAsync(NotificationChannel channel, NotificationMessage message, CancellationToken cancellationToken) =>
        SendWithinTimeoutAsync(channel, (secret, token) => channel.Kind == NotificationChannelKind.Email
            ? email.SendAsync(channel, secret, message, token)
            : webhook.SendAsync(secret ?? throw new NotificationSendException("The webhook has no URL."), message, token), cancellationToken);

    /// <summary>Sends a composed email (a report with attachments) through an email channel's SMTP settings, within the same timeout.</summary>
    public Task SendEmailAsync(NotificationChannel channel, MimeKit.MimeMessage mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Kind != NotificationChannelKind.Email)
        {
            throw new NotificationSendException($"The channel {channel.Name} is a webhook, not an email channel.");
        }

        return SendWithinTimeoutAsync(channel, (secret, token) => email.SendAsync(channel, secret, mail, token), cancellationToken);
    }

    private async Task SendWithinTimeoutAsync(NotificationChannel channel, Func<string?, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        string? secret;
        try
        {
            secret = channel.ProtectedSecret is null ? null : secrets.Unprotect(channel.ProtectedSecret);
        }
        catch (CryptographicException ex)
        {
            throw new NotificationSendException("The channel's stored secret cannot be read (the data-protection keys changed): enter it again.", ex);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        try
        {
            await send(secret, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationSendException($"No answer within {options.Value.SendTimeout.TotalSeconds:0} s (Notifications:SendTimeout).", ex);
        }
    }
}
