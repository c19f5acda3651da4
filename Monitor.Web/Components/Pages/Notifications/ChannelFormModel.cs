using Monitor.Core.Notifications.Channels;

namespace Monitor.Web.Components.Pages.Notifications;

/// <summary>The channel form's fields. Secrets start empty: left empty on an edit, the stored one is kept.</summary>
public sealed class ChannelFormModel
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "email";
    public bool Enabled { get; set; } = true;
    public HashSet<string> Events { get; set; } = ["runFailed", "recovered"];
    public IReadOnlyCollection<Guid> ProfileIds { get; set; } = [];
    public string SmtpHost { get; set; } = "";
    public int? SmtpPort { get; set; }
    public string SmtpTls { get; set; } = "auto";
    public string SmtpUser { get; set; } = "";
    public string SmtpPassword { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string WebhookUrl { get; set; } = "";

    public static ChannelFormModel Of(ChannelView channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new()
        {
            Name = channel.Name,
            Kind = channel.Kind,
            Enabled = channel.Enabled,
            Events = [.. channel.Events],
            ProfileIds = [.. channel.ProfileIds],
            SmtpHost = channel.SmtpHost ?? "",
            SmtpPort = channel.SmtpPort,
            SmtpTls = channel.SmtpTls ?? "auto",
            SmtpUser = channel.SmtpUser ?? "",
            From = channel.From ?? "",
            To = string.Join(", ", channel.To),
        };
    }

    public ChannelInput ToInput(bool creating)
    {
        var email = Kind == "email";
        return new()
        {
            Name = Name,
            Kind = Kind,
            Enabled = Enabled,
            Events = [.. Events],
            ProfileIds = [.. ProfileIds],
            SmtpHost = email ? SmtpHost : null,
            SmtpPort = email ? SmtpPort : null,
            SmtpTls = email ? SmtpTls : null,
            SmtpUser = email ? SmtpUser : null,
            SmtpPassword = email && SmtpPassword.Length > 0 ? SmtpPassword : null,
            From = email ? From : null,
            To = email ? To.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null,
            WebhookUrl = !email && (creating || WebhookUrl.Length > 0) ? WebhookUrl : null,
        };
    }
}
