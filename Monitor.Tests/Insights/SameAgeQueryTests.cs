using Monitor.Core.Insights;
using Monitor.Core.Insights.SameAge;
using Monitor.Core.Posts;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>Views at the same age: the latest observation at or before the age, counted only from 0.75 of it on.</summary>
public abstract class SameAgeQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly InsightSeed _seed = new(database.ContextFactory);

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Medians_ObservationsAroundTheAges_FollowTheRule()
    {
        var profile = await _seed.ProfileAsync("sameage");
        var other = await _seed.ProfileAsync("sameage.other");
        var t = InsightSeed.Origin;
        // 24 h: 20 h → 500; 7 d: 6 d (≥ 5.25 d) → 2,000. Later observations are past the ages.
        await _seed.PostAsync(profile, t.AddDays(-20), InsightSeed.Counts(3_000, 1, 1, 1), [(10, 100), (20, 500), (30, 900), (144, 2_000), (192, 3_000)]);
        // Only an early observation before each age: unknown at both.
        await _seed.PostAsync(profile, t.AddDays(-19), InsightSeed.Counts(300, 1, 1, 1), [(10, 50), (26, 300)]);
        // Exactly at 24 h and exactly at 7 d: counted.
        await _seed.PostAsync(profile, t.AddDays(-18), InsightSeed.Counts(1_500, 1, 1, 1), [(18, 600), (24, 700), (168, 1_500)]);
        // Exactly at 0.75 × 24 h = 18 h: counted.
        await _seed.PostAsync(profile, t.AddDays(-17), InsightSeed.Counts(400, 1, 1, 1), [(18, 400)]);
        // Just before 18 h: unknown.
        await _seed.PostAsync(profile, t.AddDays(-16), InsightSeed.Counts(9_999, 1, 1, 1), [(17.99, 9_999)]);
        // Outside the period.
        await _seed.PostAsync(profile, t.AddDays(-60), InsightSeed.Counts(1, 1, 1, 1), [(24, 1), (168, 1)]);
        await _seed.PostAsync(other, t.AddDays(-5), InsightSeed.Counts(10, 1, 1, 1), [(23, 10)]);

        var medians = await new SameAgeQuery(database.ContextFactory).MediansAsync([profile, other], new InsightPeriod(t.AddDays(-30), t), CancellationToken.None);

        var mine = medians[0];
        Assert.Equal(5, mine.Posts);
        Assert.Equal((3L, 500L), (mine.At24Hours.KnownPosts, mine.At24Hours.MedianViews!.Value));
        Assert.Equal((2L, 1_500L), (mine.At7Days.KnownPosts, mine.At7Days.MedianViews!.Value));
        Assert.Equal(("24 h", "7 days"), (mine.At24Hours.AgeLabel, mine.At7Days.AgeLabel));
        Assert.Equal((1L, 10L, 0L), (medians[1].At24Hours.KnownPosts, medians[1].At24Hours.MedianViews!.Value, medians[1].At7Days.KnownPosts));
    }

    [Fact]
    public async Task Medians_RepeatedObservations_CountAtTheirOwnTimes()
    {
        var profile = await _seed.ProfileAsync("sameage.repeats");
        var t = InsightSeed.Origin;
        // Equal views are stored as one span with repeats: the repeat at 20 h is the observation at 24 h (the open span).
        await _seed.PostAsync(profile, t.AddDays(-20), InsightSeed.Counts(100, 1, 1, 1), [(10, 100), (20, 100), (30, 100)]);
        // The latest observation before 24 h is the span's repeat at 17 h, before 18 h: unknown.
        await _seed.PostAsync(profile, t.AddDays(-19), InsightSeed.Counts(300, 1, 1, 1), [(10, 200), (17, 200), (25, 300)]);
        // A span starting before 18 h whose repeat at 23 h counts, and one after 24 h that does not.
        await _seed.PostAsync(profile, t.AddDays(-18), InsightSeed.Counts(50, 1, 1, 1), [(5, 50), (19, 50), (23, 50), (26, 50)]);
        // A closed span (the views changed after it) whose repeat at 22 h counts; at 7 d the open span's repeat at 150 h.
        await _seed.PostAsync(profile, t.AddDays(-17), InsightSeed.Counts(90, 1, 1, 1), [(19, 70), (22, 70), (30, 90), (150, 90), (200, 95)]);

        var medians = await new SameAgeQuery(database.ContextFactory).MediansAsync([profile], new InsightPeriod(t.AddDays(-30), t), CancellationToken.None);

        var mine = Assert.Single(medians);
        Assert.Equal(4, mine.Posts);
        // Known at 24 h: 100, 50, 70 (median by nearest rank: 70); at 7 d: only the last post's 90.
        Assert.Equal((3L, 70L), (mine.At24Hours.KnownPosts, mine.At24Hours.MedianViews!.Value));
        Assert.Equal((1L, 90L), (mine.At7Days.KnownPosts, mine.At7Days.MedianViews!.Value));
    }
}

public sealed class PostgresSameAgeQueryTests(PostgresDatabase database) : SameAgeQueryTests<PostgresDatabase>(database);

public sealed class SqliteSameAgeQueryTests(SqliteDatabase database) : SameAgeQueryTests<SqliteDatabase>(database);
