using Microsoft.EntityFrameworkCore;
using Monitor.Core.Dispatch;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Insights;

namespace Monitor.Tests.Quality;

/// <summary>
/// The run's fallen-views count on PostgreSQL reads the spans by index; it must count exactly what the shared text over
/// the observations view counts: repeats inside a span, a span closed by new views, one across a half month, a post with
/// no earlier observation, an earlier observation without views.
/// </summary>
public sealed class PostgresFallenViewsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task FallenViews_OnTheSpans_CountsAsTheViewDoes()
    {
        await database.MigrateAsync();
        var seed = new InsightSeed(database.ContextFactory);
        var profile = await seed.ProfileAsync("fallen_views");
        var posted = InsightSeed.Origin.AddDays(-10);
        const double RunStartsAt = 241;
        const double InTheRun = 241.5;
        // Same views in the previous half month (a span of its own there): compared, not fallen.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(100, 1, 1, 1), [(10, 100), (InTheRun, 100)]);
        // Fewer views than the closed span before: fallen.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(150, 1, 1, 1), [(10, 200), (InTheRun, 150)]);
        // More views than the latest earlier observation: compared, not fallen.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(70, 1, 1, 1), [(10, 90), (20, 60), (InTheRun, 70)]);
        // The run's observation repeats the one just before it, in the same span: compared, not fallen.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(400, 1, 1, 1), [(240.5, 400), (InTheRun, 400)]);
        // No earlier observation, and an earlier one without views: not compared.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(80, 1, 1, 1), [(InTheRun, 80)]);
        await seed.PostAsync(profile, posted, InsightSeed.Counts(5, 1, 1, 1), [(10, null), (InTheRun, 5)]);
        // Observed before the run only.
        await seed.PostAsync(profile, posted, InsightSeed.Counts(10, 1, 1, 1), [(10, 10)]);
        await using var db = database.CreateDbContext();
        var started = posted.AddHours(RunStartsAt);
        var run = new MonitoringRun
        {
            ProfileId = profile,
            Status = MonitoringStatus.Running,
            Trigger = MonitoringTrigger.Scheduled,
            CreatedAt = started,
            ScheduledFor = started,
            StartedAt = started,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();

        await db.Database.OpenConnectionAsync();
        var onTheView = await RunQualityCheck.CountFallenViewsAsync(db, QualitySql.FallenViews, run.Id, CancellationToken.None);
        var onTheSpans = await RunQualityCheck.CountFallenViewsAsync(db, QualitySql.FallenViewsPostgres, run.Id, CancellationToken.None);

        Assert.Equal((4, 1), onTheView);
        Assert.Equal(onTheView, onTheSpans);
    }
}
