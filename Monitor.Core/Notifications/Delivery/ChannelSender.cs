using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>Sends one message to one channel by its kind, within <c>Notifications:SendTimeout</c>; throws when it was not delivered.</summary>
public sealed class ChannelSender(EmailSender email, WebhookSender webhook, NotificationSecrets secrets, IOptions<NotificationOptions> options)
{
    public async Task SendAsync(NotificationChannel channel, NotificationMessage message, CancellationToken cancellationToken)
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
            if (channel.Kind == NotificationChannelKind.Email)
            {
                await email.SendAsync(channel, secret, message, timeout.Token);
            }
            else
            {
                await webhook.SendAsync(secret ?? throw new NotificationSendException("The webhook has no URL."), message, timeout.Token);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationSendException($"No answer within {options.Value.SendTimeout.TotalSeconds:0} s (Notifications:SendTimeout).", ex);
        }
    }
}
