namespace Monitor.Core.Notifications.Channels;

/// <summary>The names channels' kinds, TLS modes and events go by in the API and the form.</summary>
public static class ChannelNames
{
    public static readonly IReadOnlyDictionary<string, NotificationEvents> EventNames = new Dictionary<string, NotificationEvents>(StringComparer.OrdinalIgnoreCase)
    {
        ["runFailed"] = NotificationEvents.RunFailed,
        ["recovered"] = NotificationEvents.Recovered,
        ["growth"] = NotificationEvents.Growth,
        ["breakout"] = NotificationEvents.Breakout,
        ["digest"] = NotificationEvents.Digest,
        ["budget"] = NotificationEvents.Budget,
    };

    public static readonly IReadOnlyDictionary<string, SmtpTlsMode> TlsNames = new Dictionary<string, SmtpTlsMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = SmtpTlsMode.Auto,
        ["none"] = SmtpTlsMode.None,
        ["starttls"] = SmtpTlsMode.StartTls,
        ["ssl"] = SmtpTlsMode.Ssl,
    };

    public static string Kind(NotificationChannelKind kind) => kind == NotificationChannelKind.Email ? "email" : "webhook";

    public static string Tls(SmtpTlsMode mode) => TlsNames.First(t => t.Value == mode).Key;

    public static IReadOnlyList<string> Events(NotificationEvents events) =>
        [.. EventNames.Where(e => events.HasFlag(e.Value)).Select(e => e.Key)];

    /// <summary>The event a message of this kind belongs to (none for a test, which goes to one channel regardless).</summary>
    public static NotificationEvents EventOf(NotificationKind kind) => kind switch
    {
        NotificationKind.RunFailed => NotificationEvents.RunFailed,
        NotificationKind.Recovered => NotificationEvents.Recovered,
        NotificationKind.Growth => NotificationEvents.Growth,
        NotificationKind.Breakout => NotificationEvents.Breakout,
        NotificationKind.Digest => NotificationEvents.Digest,
        NotificationKind.Budget => NotificationEvents.Budget,
        _ => NotificationEvents.None,
    };
}
