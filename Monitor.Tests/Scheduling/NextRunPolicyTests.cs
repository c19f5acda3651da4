using System.Globalization;
using Monitor.Core.Scans;
using Monitor.Core.Scheduling;
namespace Monitor.Tests.Scheduling;

public sealed class NextRunPolicyTests
{
    private const string Hourly = "0 0 * * * ?";
    private const string EveryThreeHours = "0 0 0/3 * * ?";
    private const string QuarterHourly = "0 0/15 * * * ?";

    [Theory]
    // In step with its slot (14:00 daily), a profile runs exactly one interval later.
    [InlineData(Hourly, "14:00", "2026-11-27T14:05:10Z", null, 24, "2026-11-28T14:00:00Z")]
    // A slot between sweeps (14:30) is kept: the sweep before it queues the run for that time.
    [InlineData(Hourly, "14:30", "2026-11-27T14:33:00Z", null, 24, "2026-11-28T14:30:00Z")]
    // Out of step (the first run came at once when the profile was added): early to reach the slot ...
    [InlineData(Hourly, "00:00", "2026-11-27T14:05:10Z", null, 24, "2026-11-28T00:00:00Z")]
    [InlineData(Hourly, "03:00", "2026-11-27T14:05:10Z", null, 24, "2026-11-28T03:00:00Z")]
    [InlineData(Hourly, "02:00", "2026-11-27T14:05:10Z", null, 6, "2026-11-27T20:00:00Z")]
    // ... or late by less than one sweep: a slot just after the last run is not taken at once.
    [InlineData(Hourly, "14:20", "2026-11-27T14:05:10Z", null, 24, "2026-11-28T14:20:00Z")]
    // Hourly: a slot the next sweep can still queue; one just before that sweep is served by it.
    [InlineData(Hourly, "00:30", "2026-11-27T11:01:00Z", null, 1, "2026-11-27T12:30:00Z")]
    [InlineData(Hourly, "00:55", "2026-11-27T11:01:00Z", null, 1, "2026-11-27T12:00:00Z")]
    [InlineData(Hourly, "00:40", "2026-11-27T11:43:00Z", null, 1, "2026-11-27T12:40:00Z")]
    // A week: slots count from the Unix epoch, a Thursday; 2026-12-03 is one.
    [InlineData(Hourly, "00:00", "2026-11-27T10:00:00Z", null, 168, "2026-12-03T00:00:00Z")]
    // A sweep every 15 minutes, or every second (as tests use).
    [InlineData(QuarterHourly, "14:05", "2026-11-27T14:20:10Z", null, 24, "2026-11-28T14:05:00Z")]
    [InlineData("0/1 * * * * ?", "00:00", "2026-11-27T14:05:10.5Z", null, 2, "2026-11-27T16:00:00Z")]
    // A changed interval: a shorter one long since the last run is due at the next sweep, a longer one keeps its slot.
    [InlineData(Hourly, "02:00", "2026-11-27T02:00:00Z", "2026-11-27T12:20:00Z", 6, "2026-11-27T13:00:00Z")]
    [InlineData(Hourly, "00:00", "2026-11-27T02:00:00Z", "2026-11-27T12:20:00Z", 168, "2026-12-03T00:00:00Z")]
    [InlineData(Hourly, "14:00", "2026-11-27T02:00:00Z", "2026-11-27T12:20:00Z", 24, "2026-11-27T14:00:00Z")]
    public void NextRun_SlotLastRunIntervalAndSweep_IsTheFirstSlotAfterTheRestAndTheNextSweep(
        string cron, string slot, string lastRun, string? now, int intervalHours, string expected)
    {
        var policy = new NextRunPolicy(cron);

        var next = policy.NextRun(TimeSpan.Parse(slot, CultureInfo.InvariantCulture), Utc(lastRun), TimeSpan.FromHours(intervalHours), Utc(now ?? lastRun));

        Assert.Equal(Utc(expected), next);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
    }

    public static TheoryData<string, int> Schedules()
    {
        var data = new TheoryData<string, int>();
        foreach (var cron in new[] { Hourly, EveryThreeHours, QuarterHourly })
        {
            foreach (var hours in new[] { 1, 2, 6, 12, 24, 48, 168 })
            {
                data.Add(cron, hours);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void NextRun_AnyProfileAndLastRun_NeverLaterThanTheIntervalPlusOneSweepNorBeforeTheNextSweep(string cron, int intervalHours)
    {
        var policy = new NextRunPolicy(cron);
        var interval = TimeSpan.FromHours(intervalHours);
        var random = new Random(intervalHours);
        foreach (var id in SequentialIds(1_000))
        {
            var last = Utc("2026-11-27T00:00:00Z").AddMinutes(random.Next(0, 7 * 24 * 60)).AddSeconds(random.Next(0, 60));
            // A run closing (now is its end) and a settings change some time after the last run.
            foreach (var now in new[] { last, last + (interval * random.NextDouble()) })
            {
                var next = policy.NextRun(id, last, interval, now);

                Assert.InRange(next, policy.FirstSweepAfter(now), Later(last + interval + policy.SweepPeriod, policy.FirstSweepAfter(now)));
                // After a run, a sixth of the shorter of interval and sweep period is left for the sweep's jitter.
                var jitterRoom = (interval < policy.SweepPeriod ? interval : policy.SweepPeriod) / 6;
                Assert.True(now > last || next - last <= interval + policy.SweepPeriod - jitterRoom, $"{id} ran {last:O}, next {next:O}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void NextRun_ThousandProfilesAddedTogether_SpreadOverTheIntervalThenKeepIt(string cron, int intervalHours)
    {
        var policy = new NextRunPolicy(cron);
        var interval = TimeSpan.FromHours(intervalHours);
        // Their first runs start at once, when they are added, and end together.
        var firstEnd = Utc("2026-11-27T10:02:00Z");
        var ids = SequentialIds(1_000);

        var second = ids.Select(id => policy.NextRun(id, firstEnd, interval, firstEnd)).ToList();

        var bucket = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(10).Ticks, interval.Ticks / 48));
        var buckets = (int)Math.Ceiling(interval / bucket);
        var share = ids.Count / (double)buckets;
        var counts = second.GroupBy(t => (t - firstEnd).Ticks / bucket.Ticks).Select(g => g.Count()).ToList();
        // Slots within a sixth of a beat before the first sweep after the runs are served by that sweep (the first that can
        // queue them), so its bucket holds that much more; beyond it, no more than chance puts in a bucket.
        var served = ((interval < policy.SweepPeriod ? interval : policy.SweepPeriod) / 6) / bucket;
        var limit = (share * (1 + served)) + (4 * Math.Sqrt(share));
        Assert.True(counts.Max() <= limit, $"{counts.Max()} of {ids.Count} profiles share one {bucket} bucket (share {share:0.#}, limit {limit:0.#})");
        Assert.True(counts.Count >= buckets * 0.9, $"{ids.Count} profiles landed in only {counts.Count} of {buckets} buckets");
        Assert.All(second, t => Assert.InRange(t, firstEnd, firstEnd + interval + policy.SweepPeriod));
        foreach (var (id, start) in ids.Zip(second))
        {
            // Each run starts up to the sweep's jitter late and takes a few minutes; once in step, a profile keeps its beat.
            var third = policy.NextRun(id, start.AddMinutes(7), interval, start.AddMinutes(7));
            var fourth = policy.NextRun(id, third.AddMinutes(4), interval, third.AddMinutes(4));
            var fifth = policy.NextRun(id, fourth.AddMinutes(6), interval, fourth.AddMinutes(6));
            Assert.InRange(third - start, TimeSpan.Zero, interval + policy.SweepPeriod);
            if (interval > policy.SweepPeriod)
            {
                Assert.Equal(fourth + interval, fifth);
            }
        }
    }

    [Fact]
    public void NextRun_EverySixHoursHourlySweep_NoPostStalerThanSevenHours()
    {
        var policy = new NextRunPolicy(Hourly);
        var random = new Random(6);
        foreach (var id in SequentialIds(1_000))
        {
            var last = Utc("2026-11-27T00:00:00Z").AddMinutes(random.Next(0, 24 * 60));

            // A sixth of the hour is left for the sweep's jitter (5 minutes by default): the run starts within 7 hours.
            Assert.True(policy.NextRun(id, last, TimeSpan.FromHours(6), last) - last <= TimeSpan.FromHours(7) - TimeSpan.FromMinutes(10));
        }
    }

    [Theory]
    [InlineData(Hourly)]
    [InlineData(EveryThreeHours)]
    [InlineData(QuarterHourly)]
    public void NextRunByAge_EachRungOfTheLadder_NeverLaterThanItsPeriodPlusOneSweep(string cron)
    {
        var policy = new NextRunPolicy(cron);
        var planner = new ScanPlanner(new ScanOptions(), TimeSpan.FromMinutes(5));
        var random = new Random(7);
        for (var i = 0; i < 1_000; i++)
        {
            // The last run started at some minute of a week and took up to ten minutes; each rung was last refreshed
            // by it or by an earlier run still inside the rung's period.
            var started = Utc("2026-11-27T00:00:00Z").AddMinutes(random.Next(0, 7 * 24 * 60));
            var ended = started.AddMinutes(random.Next(0, 11));
            var history = new ScanHistory(new Dictionary<int, DateTime>
            {
                [7 * 24] = started,
                [30 * 24] = started.AddHours(-random.Next(0, 24)),
            }, started.AddHours(-random.Next(0, 7 * 24)));

            var next = policy.NextRunByAge(planner.NextDue(history, ended), ended);

            foreach (var rung in planner.Rungs(history, ended))
            {
                Assert.True(rung.DueAt - rung.LastRefresh!.Value <= rung.Every, $"rung {rung.MaxAge} due {rung.DueAt:O}");
            }

            Assert.InRange(next, policy.FirstSweepAfter(ended), started + TimeSpan.FromHours(6) + policy.SweepPeriod);
        }
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

    // Version 7 ids made in one millisecond, as a bulk add creates them: they differ only in their random bits.
    internal static List<Guid> SequentialIds(int count)
    {
        var random = new Random(42);
        var at = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(_ =>
        {
            // Every random bit from the seed (the version and variant bits kept), so each run of the tests sees the same ids.
            var bytes = Guid.CreateVersion7(at).ToByteArray();
            random.NextBytes(bytes.AsSpan(6));
            bytes[7] = (byte)(0x70 | (bytes[7] & 0x0F));
            bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
            return new Guid(bytes);
        }).ToList();
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Utc(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
