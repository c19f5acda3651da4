using Monitor.Core.Audience;
using Monitor.Core.Common;
namespace Monitor.Tests.Audience;

/// <summary>At most one profile call per profile per calendar day of Monitoring:TimeZone.</summary>
public sealed class ProfileCallPolicyTests
{
    public static TheoryData<string, bool, string?, string, bool> Cases => new()
    {
        // zone, enabled, last call (UTC), now (UTC), due
        { "UTC", true, null, "2026-12-01T10:00:00Z", true },
        { "UTC", false, null, "2026-12-01T10:00:00Z", false },
        { "UTC", true, "2026-12-01T00:30:00Z", "2026-12-01T23:30:00Z", false },
        { "UTC", true, "2026-12-01T23:30:00Z", "2026-12-02T00:10:00Z", true },
        { "UTC", true, "2026-11-30T10:00:00Z", "2026-12-01T09:00:00Z", true },
        // 23:30 UTC is already the next day in Berlin (00:30): the same Berlin day as 10:00 UTC on the 2nd.
        { "Europe/Berlin", true, "2026-12-01T23:30:00Z", "2026-12-02T10:00:00Z", false },
        { "Europe/Berlin", true, "2026-12-01T22:30:00Z", "2026-12-01T23:30:00Z", true },
        { "Europe/Berlin", false, "2026-11-01T10:00:00Z", "2026-12-01T10:00:00Z", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsDue_LastCallAndNow_OncePerReportingDay(string zone, bool enabled, string? lastCall, string now, bool due)
    {
        DateTime? last = lastCall is null ? null : Utc(lastCall);

        Assert.Equal(due, ProfileCallPolicy.IsDue(enabled, last, Utc(now), ReportingTimeZone.FromId(zone)));
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
