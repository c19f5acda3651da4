using MimeKit;

namespace Monitor.Core.Notifications.Channels;

/// <summary>
/// Applies a <see cref="ChannelInput"/> to a channel (new or stored) and says what is wrong, field by field. The
/// channel is only saved when nothing is; the secret arrives in clear and is protected here.
/// </summary>
internal sealed class ChannelValidator(NotificationSecrets secrets)
{
    private readonly Dictionary<string, string[]> _errors = [];

    public Dictionary<string, string[]> Apply(ChannelInput input, NotificationChannel channel, bool creating)
    {
        if (input.Name is not null || creating)
        {
            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > NotificationLimits.NameLength)
            {
                Fail("name", $"A name of 1–{NotificationLimits.NameLength} characters is required.");
            }
            else
            {
                channel.Name = name;
            }
        }

        ApplyKind(input, channel, creating);
        channel.Enabled = input.Enabled ?? channel.Enabled;
        ApplyEvents(input, channel, creating);
        if (channel.Kind == NotificationChannelKind.Email)
        {
            ApplyEmail(input, channel, creating);
        }
        else
        {
            ApplyWebhook(input, channel, creating);
        }

        return _errors;
    }

    private void ApplyKind(ChannelInput input, NotificationChannel channel, bool creating)
    {
        if (input.Kind is null && !creating)
        {
            return;
        }

        NotificationChannelKind? kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "email" => NotificationChannelKind.Email,
            "webhook" => NotificationChannelKind.Webhook,
            _ => null,
        };
        if (kind is null)
        {
            Fail("kind", "kind is \"email\" or \"webhook\".");
        }
        else if (!creating && kind != channel.Kind)
        {
            Fail("kind", "A channel's kind cannot change: create another channel.");
        }
        else
        {
            channel.Kind = kind.Value;
        }
    }

    private void ApplyEvents(ChannelInput input, NotificationChannel channel, bool creating)
    {
        if (input.Events is null || (creating && input.Events.Count == 0))
        {
            channel.Events = creating ? NotificationEvents.Default : channel.Events;
            return;
        }

        var events = NotificationEvents.None;
        foreach (var name in input.Events)
        {
            if (name is not null && ChannelNames.EventNames.TryGetValue(name.Trim(), out var flag))
            {
                events |= flag;
            }
            else
            {
                Fail("events", $"Unknown event \"{name}\"; the events are {string.Join(", ", ChannelNames.EventNames.Keys)}.");
            }
        }

        channel.Events = events;
    }

    private void ApplyEmail(ChannelInput input, NotificationChannel channel, bool creating)
    {
        if (input.SmtpHost is not null || creating)
        {
            var host = input.SmtpHost?.Trim();
            if (string.IsNullOrEmpty(host) || host.Length > NotificationLimits.HostLength || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                Fail("smtpHost", "smtpHost is required: a host name or IP address, e.g. smtp.example.com.");
            }
            else
            {
                channel.SmtpHost = host;
            }
        }

        if (input.SmtpTls is not null)
        {
            if (ChannelNames.TlsNames.TryGetValue(input.SmtpTls.Trim(), out var tls))
            {
                channel.SmtpTls = tls;
            }
            else
            {
                Fail("smtpTls", "smtpTls is none, starttls, ssl or auto.");
            }
        }

        if (input.SmtpPort is { } port && port is < 1 or > 65535)
        {
            Fail("smtpPort", "smtpPort is 1–65535.");
        }

        channel.SmtpPort = input.SmtpPort ?? channel.SmtpPort ?? (channel.SmtpTls == SmtpTlsMode.Ssl ? 465 : channel.SmtpTls == SmtpTlsMode.None ? 25 : 587);
        if (input.SmtpUser is not null)
        {
            var user = input.SmtpUser.Trim();
            CheckLength("smtpUser", user, NotificationLimits.UserLength);
            channel.SmtpUser = user.Length == 0 ? null : user;
        }

        if (!string.IsNullOrEmpty(input.SmtpPassword))
        {
            CheckLength("smtpPassword", input.SmtpPassword, NotificationLimits.PasswordLength);
            channel.ProtectedSecret = secrets.Protect(input.SmtpPassword);
        }

        if (input.From is not null || creating)
        {
            if (Address(input.From) is { } from)
            {
                channel.FromAddress = from;
            }
            else
            {
                Fail("from", "from is required: an email address, e.g. monitor@example.com.");
            }
        }

        if (input.To is not null || creating)
        {
            var to = (input.To ?? []).Select(Address).ToList();
            if (to.Count == 0 || to.Count > NotificationLimits.MaxRecipients || to.Any(a => a is null))
            {
                Fail("to", $"to is 1–{NotificationLimits.MaxRecipients} email addresses.");
            }
            else
            {
                channel.ToAddresses = [.. to.OfType<string>()];
            }
        }
    }

    private void ApplyWebhook(ChannelInput input, NotificationChannel channel, bool creating)
    {
        if (string.IsNullOrWhiteSpace(input.WebhookUrl) && !creating)
        {
            return;
        }

        var text = input.WebhookUrl?.Trim();
        if (text is null || text.Length > NotificationLimits.UrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
        {
            Fail("webhookUrl", $"webhookUrl is required: an http or https URL of at most {NotificationLimits.UrlLength} characters.");
            return;
        }

        channel.WebhookHost = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        channel.ProtectedSecret = secrets.Protect(url.AbsoluteUri);
    }

    private static string? Address(string? text) =>
        text?.Trim() is { Length: > 0 and <= NotificationLimits.AddressLength } trimmed
        && MailboxAddress.TryParse(trimmed, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? trimmed
            : null;

    private void CheckLength(string field, string value, int max)
    {
        if (value.Length > max)
        {
            Fail(field, $"{field} is at most {max} characters.");
        }
    }

    private void Fail(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
