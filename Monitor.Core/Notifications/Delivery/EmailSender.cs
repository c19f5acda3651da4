using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>Sends a message to an email channel over SMTP with MailKit: one connection per message.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(NotificationChannel channel, string? password, NotificationMessage message, CancellationToken cancellationToken)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(channel.FromAddress ?? throw new InvalidOperationException("The channel has no sender address.")));
        foreach (var to in channel.ToAddresses)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Subject = message.Subject;
        var link = DashboardLink.For(options.Value.DashboardUrl, message.ProfileId);
        mail.Body = new TextPart("plain") { Text = link is null ? message.Text : $"{message.Text}\n\nOpen in the dashboard: {link}" };
        await SendAsync(channel, password, mail, cancellationToken);
    }

    /// <summary>Sends a composed message (its recipients and body already set) from the channel's sender address over its SMTP server.</summary>
    public async Task SendAsync(NotificationChannel channel, string? password, MimeMessage mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.From.Count == 0)
        {
            mail.From.Add(MailboxAddress.Parse(channel.FromAddress ?? throw new InvalidOperationException("The channel has no sender address.")));
        }

        using var client = new SmtpClient { Timeout = (int)options.Value.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(channel.SmtpHost ?? throw new InvalidOperationException("The channel has no SMTP host."), channel.SmtpPort ?? 587, Secure(channel.SmtpTls), cancellationToken);
        if (!string.IsNullOrEmpty(channel.SmtpUser))
        {
            await client.AuthenticateAsync(channel.SmtpUser, password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Secure(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
