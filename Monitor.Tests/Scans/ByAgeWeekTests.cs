using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Scans;

/// <summary>
/// The yardstick, simulated: two creators of 1,000 daily posts (pages of 30) watched for eight days by the real
/// sweep, runner and client on a fake clock, one in full mode every 24 h, one by age. Over the second to eighth day (one
/// weekly cycle of each) the by-age profile must cost at most 0.3 times the full one, while no post under 7 days is ever
/// more than 6 hours stale and none under 30 days more than 24 hours.
/// </summary>
public abstract class ByAgeWeekTests<TDatabase>(TDatabase database, ITestOutputHelper output) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Week_ByAgeAgainstDailyFullScans_CostsUnderThreeTenthsAndKeepsYoungPostsFresh()
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Profiles.ExecuteDeleteAsync();
        }

        var time = new FakeTimeProvider(Start);
        var byAge = Serve(new DailyTimeline($"byage_{Guid.NewGuid():N}"[..16], 1_000, 30, time));
        var full = Serve(new DailyTimeline($"full_{Guid.NewGuid():N}"[..16], 1_000, 30, time));
        var settings = Upstream.Settings;
        settings["Monitoring:SweepJitter"] = "00:05:00";
        await using var host = new CoreHost(Database, settings, services => services.AddSingleton<TimeProvider>(time));
        var byAgeId = await host.AddProfileAsync(byAge.Handle, monitoringEnabled: false);
        await host.Get<ProfileSchedule>().ChangeAsync(byAgeId, new(ScanMode: ScanMode.ByAge), CancellationToken.None);
        await host.Get<ProfileSchedule>().ChangeAsync(byAgeId, new(Enabled: true), CancellationToken.None);
        await host.AddProfileAsync(full.Handle, monitoringEnabled: true);

        var measureFrom = Start + Settle;
        var end = measureFrom + Week;
        var (byAgeAtStart, fullAtStart) = (0, 0);
        for (var sweep = Start; sweep < end; sweep += TimeSpan.FromHours(1))
        {
            if (sweep == measureFrom)
            {
                (byAgeAtStart, fullAtStart) = (byAge.Requests, full.Requests);
            }

            time.SetUtcNow(sweep);
            await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);
            await RunQueuedAsync(host, time, (sweep + TimeSpan.FromHours(1)).UtcDateTime);
        }

        var byAgeCredits = byAge.Requests - byAgeAtStart;
        var fullCredits = full.Requests - fullAtStart;
        output.WriteLine($"One week: by age {byAgeCredits} credits, daily full scans {fullCredits}: ratio {byAgeCredits / (double)fullCredits:0.000}");
        Assert.Equal(7 * 34, fullCredits);
        Assert.True(byAgeCredits <= 0.3 * fullCredits, $"by age spent {byAgeCredits} credits, daily full scans {fullCredits}");

        var observations = await ObservationsAsync(byAgeId);
        var worst7 = WorstStaleness(observations, byAge, TimeSpan.FromDays(7), measureFrom.UtcDateTime, end.UtcDateTime);
        var worst30 = WorstStaleness(observations, byAge, TimeSpan.FromDays(30), measureFrom.UtcDateTime, end.UtcDateTime);
        output.WriteLine($"Stalest post under 7 days: {worst7}; under 30 days: {worst30}");
        Assert.True(worst7 <= TimeSpan.FromHours(6), $"a post under 7 days went {worst7} without a refresh");
        Assert.True(worst30 <= TimeSpan.FromHours(24), $"a post under 30 days went {worst30} without a refresh");
    }

    private DailyTimeline Serve(DailyTimeline timeline)
    {
        Upstream.ServeProfile(timeline.Handle, 200, SyntheticCreators.Profile(timeline.Handle));
        Upstream.ServeFeed(timeline.Handle, timeline.Page);
        return timeline;
    }

    /// <summary>Runs every queued run due before the next sweep, each at its own start time, as a worker would.</summary>
    private async Task RunQueuedAsync(CoreHost host, FakeTimeProvider time, DateTime nextSweep)
    {
        while (true)
        {
            await using var db = Database.CreateDbContext();
            var next = await db.Runs.AsNoTracking()
                .Where(l => l.Status == MonitoringStatus.Pending && l.ScheduledFor < nextSweep)
                .OrderBy(l => l.ScheduledFor)
                .Select(l => new { l.Id, l.ScheduledFor })
                .FirstOrDefaultAsync();
            if (next is null)
            {
                return;
            }

            if (next.ScheduledFor > time.GetUtcNow().UtcDateTime)
            {
                time.SetUtcNow(new DateTimeOffset(next.ScheduledFor, TimeSpan.Zero));
            }

            var outcome = await host.Get<MonitoringRunner>().RunAsync(next.Id, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Error);
        }
    }

    private async Task<ILookup<string, DateTime>> ObservationsAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        var rows = await db.PostMetricsHistory.AsNoTracking()
            .Where(h => h.Post!.ProfileId == profileId)
            .Select(h => new { h.Post!.AwemeId, h.RecordedAt })
            .ToListAsync();
        return rows.ToLookup(r => r.AwemeId, r => r.RecordedAt);
    }

    /// <summary>
    /// The longest time any post spent unrefreshed while younger than <paramref name="maxAge"/> within the window: the
    /// gaps between its observations (from its publication, up to the window's end), cut where it grew too old.
    /// </summary>
    private static TimeSpan WorstStaleness(ILookup<string, DateTime> observations, DailyTimeline timeline, TimeSpan maxAge, DateTime from, DateTime to)
    {
        var worst = TimeSpan.Zero;
        for (var index = 1; index < timeline.PostCountAt(to); index++)
        {
            var postedAt = timeline.PostedAt(index);
            var ageLimit = postedAt + maxAge;
            if (ageLimit <= from)
            {
                continue;
            }

            var times = observations[timeline.AwemeId(index)].Order().Append(to).Prepend(postedAt).ToList();
            for (var i = 1; i < times.Count; i++)
            {
                var gapEnd = times[i] < ageLimit ? times[i] : ageLimit;
                if (gapEnd > from && gapEnd - times[i - 1] > worst)
                {
                    worst = gapEnd - times[i - 1];
                }
            }
        }

        return worst;
    }
}

public sealed class PostgresByAgeWeekTests(PostgresDatabase database, ITestOutputHelper output) : ByAgeWeekTests<PostgresDatabase>(database, output);

public sealed class SqliteByAgeWeekTests(SqliteDatabase database, ITestOutputHelper output) : ByAgeWeekTests<SqliteDatabase>(database, output);
