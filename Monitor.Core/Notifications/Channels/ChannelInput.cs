namespace Monitor.Core.Notifications.Channels;

/// <summary>
/// A channel as the API and the form send it. On create, <see cref="Kind"/> and the kind's fields are required; on
/// update, a field left out (null) keeps its value, and an empty secret keeps the stored one.
/// </summary>
public sealed record ChannelInput
{
    public string? Name { get; init; }

    /// <summary>"email" or "webhook"; fixed once created.</summary>
    public string? Kind { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>Any of runFailed, recovered, growth, breakout, digest, budget. None given on create: runFailed and recovered.</summary>
    public IReadOnlyList<string>? Events { get; init; }

    /// <summary>Limit the channel to these profiles; empty = every profile.</summary>
    public IReadOnlyList<Guid>? ProfileIds { get; init; }

    public string? SmtpHost { get; init; }
    public int? SmtpPort { get; init; }

    /// <summary>none, starttls, ssl or auto.</summary>
    public string? SmtpTls { get; init; }

    public string? SmtpUser { get; init; }

    /// <summary>Write-only: never returned. Empty or left out on update keeps the stored password.</summary>
    public string? SmtpPassword { get; init; }

    public string? From { get; init; }
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Write-only (it is a bearer secret for Slack and Discord): never returned; left out on update keeps it.</summary>
    public string? WebhookUrl { get; init; }
}
