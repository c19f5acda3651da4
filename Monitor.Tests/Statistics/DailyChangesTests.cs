using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Statistics;
namespace Monitor.Tests.Statistics;

public sealed class DailyChangesTests
{
    private static readonly ReportingTimeZone Berlin = ReportingTimeZone.FromId("Europe/Berlin");

    public static TheoryData<string, string, string> Cases => new()
    {
        // Snapshots as "utc=value;…", expected as "day=change;…" with "-" for a gap.
        // Two runs a day: the day's last value counts, whatever the order the snapshots come in.
        { "UTC", "2026-11-01T08:00Z=100;2026-11-01T20:00Z=150;2026-11-02T20:00Z=400;2026-11-02T08:00Z=300", "2026-11-02=250" },
        // No run on a day: that day and the next have no figure (the growth of two days is not one day's).
        { "UTC", "2026-11-01T10:00Z=100;2026-11-03T10:00Z=300;2026-11-04T10:00Z=350", "2026-11-02=-;2026-11-03=-;2026-11-04=50" },
        // A falling counter is a gap, not a negative day; the day after counts from the lower value.
        { "UTC", "2026-11-01T10:00Z=500;2026-11-02T10:00Z=450;2026-11-03T10:00Z=470", "2026-11-02=-;2026-11-03=20" },
        // No change is a zero, not a gap; unknown values are skipped.
        { "UTC", "2026-11-01T10:00Z=500;2026-11-02T10:00Z=500;2026-11-02T12:00Z=null", "2026-11-02=0" },
        // One day only, or nothing known: no figure at all.
        { "UTC", "2026-11-01T10:00Z=500;2026-11-01T11:00Z=600", "" },
        { "UTC", "", "" },
        // Days are the zone's: 23:30 UTC is already the next day in Berlin.
        { "Europe/Berlin", "2026-11-01T22:30Z=100;2026-11-02T23:30Z=300", "2026-11-02=-;2026-11-03=-" },
        { "Europe/Berlin", "2026-11-01T22:30Z=100;2026-11-02T22:30Z=300", "2026-11-02=200" },
        // Clocks go back on 2026-10-25 (a 25-hour day): 22:30 UTC on the 25th is 23:30 local, still the 25th.
        { "Europe/Berlin", "2026-10-24T21:30Z=100;2026-10-25T22:30Z=160;2026-10-25T23:30Z=170", "2026-10-25=60;2026-10-26=10" },
        // Clocks go forward on 2026-03-29 (a 23-hour day): 22:30 UTC is already the 30th.
        { "Europe/Berlin", "2026-03-28T22:30Z=100;2026-03-29T21:30Z=130;2026-03-29T22:30Z=135", "2026-03-29=30;2026-03-30=5" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Snapshots_GiveTheDailyGrowthWithGaps(string zone, string snapshots, string expected)
    {
        var points = Split(snapshots).Select(p => (DateTime.Parse(p.Key, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            p.Value == "null" ? (long?)null : long.Parse(p.Value, CultureInfo.InvariantCulture)));

        var changes = DailyChanges.Compute(points, zone == "UTC" ? ReportingTimeZone.FromId(null) : Berlin);

        var actual = string.Join(';', changes.Select(c => $"{c.Day:yyyy-MM-dd}={(c.Change is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-")}"));
        Assert.Equal(expected, actual);
    }

    private static IEnumerable<KeyValuePair<string, string>> Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], p[1]));
}
