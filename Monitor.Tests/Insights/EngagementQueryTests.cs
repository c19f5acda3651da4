using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Insights;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Posts;
using Monitor.Core.Statistics;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>A profile's median of post rates beside the ratio of sums, computed in the database, against figures worked out by hand.</summary>
public abstract class EngagementQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly InsightSeed _seed = new(database.ContextFactory);

    private EngagementQuery Query => new(database.ContextFactory);

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Period_MixedPosts_MedianOfKnownRatesAndRatioOfTheirSums()
    {
        var profile = await _seed.ProfileAsync("engaged");
        var t = InsightSeed.Origin;
        await _seed.PostAsync(profile, t.AddDays(-1), InsightSeed.Counts(1_000, 50, 10, 40, 20));   // 0.1, with saves 0.12
        await _seed.PostAsync(profile, t.AddDays(-2), InsightSeed.Counts(200, 30, 5, 5, 0));        // 0.2, with saves 0.2
        await _seed.PostAsync(profile, t.AddDays(-3), InsightSeed.Counts(0, 5, 5, 5, 5));           // no views: unknown
        await _seed.PostAsync(profile, t.AddDays(-4), InsightSeed.Counts(500, null, 5, 5, 5));      // likes missing: unknown
        await _seed.PostAsync(profile, t.AddDays(-5), InsightSeed.Counts(4_000, 100, 50, 50));      // 0.05, saves unknown
        await _seed.PostAsync(profile, null, InsightSeed.Counts(10, 10, 10, 10, 10));              // no posting time: in no window

        var result = await Query.ForProfileAsync(profile, EngagementWindow.Of(new InsightPeriod(t.AddDays(-30), t)), CancellationToken.None);

        Assert.Equal(5, result.Posts);
        var byViews = result[EngagementRateDefinition.ByViews];
        Assert.Equal(3, byViews.RatedPosts);
        Assert.Equal(0.1, byViews.MedianOfPostRates!.Value, 12);
        Assert.Equal(340.0 / 5_200, byViews.RatioOfSums!.Value, 12);
        Assert.Equal("(likes + comments + shares) / views", byViews.Formula);
        var withSaves = result[EngagementRateDefinition.ByViewsWithSaves];
        Assert.Equal(2, withSaves.RatedPosts);
        Assert.Equal(0.12, withSaves.MedianOfPostRates!.Value, 12); // nearest rank: the lower middle of two
        Assert.Equal(160.0 / 1_200, withSaves.RatioOfSums!.Value, 12);
        var byFollowers = result[EngagementRateDefinition.ByFollowers];
        Assert.Equal((0L, null, null), (byFollowers.RatedPosts, byFollowers.MedianOfPostRates, byFollowers.RatioOfSums));
    }

    [Fact]
    public async Task Last30_MorePosts_OnlyTheNewestThirtyAcrossASetOfProfiles()
    {
        var recent = await _seed.ProfileAsync("recent");
        var other = await _seed.ProfileAsync("other");
        var empty = await _seed.ProfileAsync("empty");
        var t = InsightSeed.Origin;
        for (var i = 0; i < 30; i++)
        {
            await _seed.PostAsync(recent, t.AddHours(-i), InsightSeed.Counts(100, 1, 0, 0));
        }

        await _seed.PostAsync(recent, t.AddDays(-10), InsightSeed.Counts(100, 50, 0, 0));
        await _seed.PostAsync(recent, t.AddDays(-11), InsightSeed.Counts(100, 50, 0, 0));
        await _seed.PostAsync(other, t, InsightSeed.Counts(100, 30, 0, 0));

        var last30 = await Query.ForProfilesAsync([recent, other, empty], EngagementWindow.Last30, CancellationToken.None);
        var all = await Query.ForProfileAsync(recent, EngagementWindow.Of(InsightPeriod.AllTime), CancellationToken.None);

        Assert.Equal([recent, other, empty], last30.Select(e => e.ProfileId));
        Assert.Equal((30L, 0.01, 0.01), (last30[0].Posts, last30[0].Rates[0].MedianOfPostRates!.Value, Math.Round(last30[0].Rates[0].RatioOfSums!.Value, 12)));
        Assert.Equal("the last 30 posts by posting time", last30[0].WindowDescription);
        Assert.Equal((1L, 0.3), (last30[1].Posts, last30[1].Rates[0].MedianOfPostRates!.Value));
        Assert.Equal((0L, null), (last30[2].Posts, last30[2].Rates[0].MedianOfPostRates));
        Assert.Equal(32, all.Posts);
        Assert.Equal(0.01, all.Rates[0].MedianOfPostRates!.Value, 12);
        Assert.Equal(130.0 / 3_200, all.Rates[0].RatioOfSums!.Value, 12);
    }

    [Fact]
    public async Task Median_EvenAndOddCounts_AgreesWithPercentiles()
    {
        var profile = await _seed.ProfileAsync("median");
        long[] likes = [7, 1, 9, 3];
        foreach (var (like, i) in likes.Select((l, i) => (l, i)))
        {
            await _seed.PostAsync(profile, InsightSeed.Origin.AddHours(-i), InsightSeed.Counts(100, like, 0, 0));
        }

        var result = await Query.ForProfileAsync(profile, EngagementWindow.Last30, CancellationToken.None);

        var expected = Percentiles.Of([.. likes.Select(l => l / 100.0).Order()], 50);
        Assert.Equal(expected!.Value, result.Rates[0].MedianOfPostRates!.Value, 12);
        Assert.Equal(0.03, result.Rates[0].MedianOfPostRates!.Value, 12);
    }
}

public sealed class PostgresEngagementQueryTests(PostgresDatabase database) : EngagementQueryTests<PostgresDatabase>(database);

public sealed class SqliteEngagementQueryTests(SqliteDatabase database) : EngagementQueryTests<SqliteDatabase>(database);
