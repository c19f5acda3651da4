namespace Monitor.Core.Notifications;

/// <summary>The events a channel subscribes to, stored as one integer column of flags.</summary>
[Flags]
public enum NotificationEvents
{
    None = 0,

    /// <summary>A profile's runs finally failed (after their last retry) N times in a row.</summary>
    RunFailed = 1,

    /// <summary>A profile whose failure was announced completed a run again.</summary>
    Recovered = 2,

    /// <summary>A post's views rose by at least X % and Y views since its previous snapshot.</summary>
    Growth = 4,

    /// <summary>A post under 7 days old has K times the profile's median views at the same age.</summary>
    Breakout = 8,

    /// <summary>Once a day: each profile's change in totals and its top posts.</summary>
    Digest = 16,

    /// <summary>Alerts raised by other features through <see cref="NotificationOutbox"/> (e.g. a credit budget).</summary>
    Budget = 32,

    /// <summary>What a channel created without a choice gets.</summary>
    Default = RunFailed | Recovered,
}
