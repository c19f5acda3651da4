using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>POSTs a message as JSON to a webhook channel's URL. The URL is a secret: it never goes into an error or a log.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<NotificationOptions> options)
{
    public const string ClientName = "notifications-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(string url, NotificationMessage message, CancellationToken cancellationToken)
    {
        var link = DashboardLink.For(options.Value.DashboardUrl, message.ProfileId);
        var text = Text(message, link);
        var payload = new WebhookPayload(text, text, message.Kind.ToString().ToLowerInvariant(), message.Subject,
            message.ProfileId, message.Handle, message.Url, link, time.GetUtcNow().UtcDateTime);
        using var client = clients.CreateClient(ClientName);
        using var response = await client.PostAsJsonAsync(new Uri(url), payload, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new NotificationSendException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    // Discord refuses content over 2,000 characters.
    private static string Text(NotificationMessage message, string? link)
    {
        var text = $"*{message.Subject}*\n{message.Text}";
        text = FieldLimits.Cut(text, 1900, marked: true);
        return link is null ? text : $"{text}\n{link}";
    }
}
