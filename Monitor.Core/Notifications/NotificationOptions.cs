namespace Monitor.Core.Notifications;

/// <summary>
/// <c>Notifications:*</c>: the defaults of the settings an admin can change on the Notifications page (the page's
/// values win), and the dispatcher's timing.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Runs of a profile that must finally fail in a row before the failure is announced.</summary>
    public int FailuresBeforeAlert { get; set; } = 1;

    public double GrowthPercent { get; set; } = 50;
    public long GrowthViews { get; set; } = 10_000;
    public double BreakoutMultiple { get; set; } = 5;

    /// <summary>Hour of the day (in Monitoring:TimeZone) after which the previous day's digest is sent.</summary>
    public int DigestHour { get; set; } = 8;

    /// <summary>How often the dispatcher looks for work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The dashboard's public address (e.g. <c>https://monitor.example.com</c>): messages then link to the profile's page
    /// on it besides TikTok. Unset: no dashboard link (the app cannot know how users reach it behind a proxy).
    /// </summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Longest wait for one SMTP or webhook delivery.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
