using System.Globalization;
using Monitor.Core.Monitoring.Runs;

namespace Monitor.Tests.Monitoring;

public sealed class NextRunPolicyTests
{
    private const string Hourly = "0 0 * * * ?";

    [Theory]
    // In step with its slot (14:00 daily), a profile runs exactly one interval later, at the sweep serving the slot.
    [InlineData(Hourly, "14:00", "2026-11-27T14:05:10Z", 24, "2026-11-28T14:00:00Z")]
    // A slot between sweeps (14:30) is served by the next sweep (15:00), every day at the same time.
    [InlineData(Hourly, "14:30", "2026-11-27T15:02:00Z", 24, "2026-11-28T15:00:00Z")]
    // Out of step (the first run came at once when the profile was added): the first slot half an interval or more on.
    [InlineData(Hourly, "00:00", "2026-11-27T14:05:10Z", 24, "2026-11-29T00:00:00Z")]
    [InlineData(Hourly, "03:00", "2026-11-27T14:05:10Z", 24, "2026-11-28T03:00:00Z")]
    [InlineData(Hourly, "20:00", "2026-11-27T14:05:10Z", 24, "2026-11-28T20:00:00Z")]
    [InlineData(Hourly, "02:00", "2026-11-27T14:05:10Z", 6, "2026-11-27T20:00:00Z")]
    // Hourly: a slot at half past is served on the hour; a sweep after the last run still counts.
    [InlineData(Hourly, "00:30", "2026-11-27T11:01:00Z", 1, "2026-11-27T12:00:00Z")]
    [InlineData(Hourly, "00:00", "2026-11-27T23:59:59Z", 1, "2026-11-28T01:00:00Z")]
    // A week: slots count from the Unix epoch, a Thursday; 2026-12-03 is one.
    [InlineData(Hourly, "00:00", "2026-11-27T10:00:00Z", 168, "2026-12-03T00:00:00Z")]
    // A sweep every 15 minutes, or every second (as tests use).
    [InlineData("0 0/15 * * * ?", "14:05", "2026-11-27T14:20:10Z", 24, "2026-11-28T14:15:00Z")]
    [InlineData("0/1 * * * * ?", "00:00", "2026-11-27T14:05:10.5Z", 2, "2026-11-27T16:00:00Z")]
    public void NextRun_SlotLastRunIntervalAndSweep_IsTheSweepServingTheFirstSlotHalfAnIntervalOn(
        string cron, string slot, string lastRun, int intervalHours, string expected)
    {
        var policy = new NextRunPolicy(cron);

        var next = policy.NextRun(TimeSpan.Parse(slot, CultureInfo.InvariantCulture), Utc(lastRun), intervalHours);

        Assert.Equal(Utc(expected), next);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
    }

    [Theory]
    [InlineData(24, 245)]
    [InlineData(6, 245)]
    [InlineData(168, 6005)]
    public void Offset_KnownId_IsStableAcrossReleases(int intervalHours, int expectedMinutes)
    {
        // Changing the hash would move every profile's schedule at once: this pins it.
        var id = Guid.Parse("0196f3a2-6c1e-7d4b-9a51-1f2e3d4c5b6a");

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), NextRunPolicy.Offset(id, intervalHours));
    }

    [Fact]
    public void NextRun_ProfilesAddedTogether_SpreadOverTheIntervalThenKeepItExactly()
    {
        var policy = new NextRunPolicy(Hourly);
        var ids = SequentialIds(200);
        var added = Utc("2026-11-27T10:00:00Z");
        // Their first runs start at once and end together.
        var firstEnd = added.AddMinutes(2);

        var second = ids.Select(id => policy.NextRun(id, firstEnd, 24)).ToList();

        var perHour = second.GroupBy(t => t.Hour).Select(g => g.Count()).ToList();
        Assert.True(perHour.Count >= 22, $"200 profiles landed in only {perHour.Count} of 24 hours");
        Assert.True(perHour.Max() <= 25, $"{perHour.Max()} of 200 profiles share one hour");
        Assert.All(second, t => Assert.InRange(t, firstEnd.AddHours(12), firstEnd.AddHours(37)));
        foreach (var (id, start) in ids.Zip(second))
        {
            // Each later run ends a few minutes after its sweep; the one after comes exactly a day later.
            var third = policy.NextRun(id, start.AddMinutes(7), 24);
            var fourth = policy.NextRun(id, third.AddMinutes(40), 24);
            Assert.Equal((start.AddDays(1), start.AddDays(2)), (third, fourth));
        }
    }

    [Fact]
    public void Reschedule_ShorterIntervalLongSinceTheLastRun_IsTheNextSweepNotAPastTime()
    {
        var policy = new NextRunPolicy(Hourly);
        var id = Guid.Parse("0196f3a2-6c1e-7d4b-9a51-1f2e3d4c5b6a");
        var lastRun = Utc("2026-11-27T02:00:00Z");
        var now = Utc("2026-11-27T12:20:00Z");

        var shorter = policy.Reschedule(id, lastRun, 1, now);
        var longer = policy.Reschedule(id, lastRun, 168, now);

        Assert.Equal(Utc("2026-11-27T13:00:00Z"), shorter);
        Assert.Equal(policy.NextRun(id, lastRun, 168), longer);
        Assert.True(longer > lastRun.AddHours(84));
    }

    [Fact]
    public void Offset_AnyIdAndInterval_IsWholeMinutesInsideTheInterval()
    {
        foreach (var id in SequentialIds(500))
        {
            foreach (var hours in new[] { 1, 5, 24, 168 })
            {
                var offset = NextRunPolicy.Offset(id, hours);
                Assert.InRange(offset, TimeSpan.Zero, TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(1));
                Assert.Equal(0, offset.Ticks % TimeSpan.TicksPerMinute);
            }
        }
    }

    // Version 7 ids made in one millisecond, as a bulk add creates them: they differ only in their last bytes.
    private static List<Guid> SequentialIds(int count)
    {
        var random = new Random(42);
        var at = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var bytes = Guid.CreateVersion7(at).ToByteArray();
            random.NextBytes(bytes.AsSpan(10));
            return new Guid(bytes);
        }).ToList();
    }

    private static DateTime Utc(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
