using Monitor.Core.Common;
namespace Monitor.Core.Audience;

/// <summary>
/// At most one profile call per profile per calendar day of the reporting zone (<c>Monitoring:TimeZone</c>). A calendar
/// day rather than a rolling 24 h: runs every 24 h start a little earlier or later each day (jitter), and a rolling
/// window would then skip every other day.
/// </summary>
public static class ProfileCallPolicy
{
    public static bool IsDue(bool enabled, DateTime? lastCallAt, DateTime now, ReportingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return enabled && (lastCallAt is not { } last || zone.DayOf(last) < zone.DayOf(now));
    }
}
