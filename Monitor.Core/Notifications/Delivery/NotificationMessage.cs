namespace Monitor.Core.Notifications.Delivery;

/// <summary>One message before it is fanned out to channels: the text every channel shows, plus structured fields for webhooks.</summary>
public sealed record NotificationMessage(NotificationKind Kind, Guid? ProfileId, string? Handle, string Subject, string Text, string? Url = null)
{
    /// <summary>The profile's page at TikTok, for messages about a profile.</summary>
    public static string ProfileUrl(string handle) => $"https://www.tiktok.com/@{handle}";
}
