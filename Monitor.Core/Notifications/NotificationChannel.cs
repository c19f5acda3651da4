using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>
/// Where notifications go. Email settings or a webhook, by <see cref="Kind"/>. The secret (the SMTP password, or the
/// whole webhook URL, which is a bearer credential for Slack and Discord) is stored protected and never read back out.
/// </summary>
public sealed class NotificationChannel
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The workspace that owns it; the first one unless the creating service says otherwise.</summary>
    public Guid WorkspaceId { get; set; } = WorkspaceDefaults.FirstId;
    public required string Name { get; set; }
    public NotificationChannelKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public NotificationEvents Events { get; set; } = NotificationEvents.Default;

    public string? SmtpHost { get; set; }
    public int? SmtpPort { get; set; }
    public SmtpTlsMode SmtpTls { get; set; }
    public string? SmtpUser { get; set; }
    public string? FromAddress { get; set; }
    public List<string> ToAddresses { get; set; } = [];

    /// <summary>The webhook's host, kept in clear so the UI can say where it posts without showing the secret path.</summary>
    public string? WebhookHost { get; set; }

    /// <summary>The SMTP password or the webhook URL, protected with ASP.NET Core Data Protection.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The profiles this channel is limited to; empty = every profile.</summary>
    public List<NotificationChannelProfile> Profiles { get; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
