using Monitor.Core.Insights;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Posts;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>The weekday × hour heatmap in a zone, across the end of summer time, with too-few cells and too little data.</summary>
public abstract class BestTimeQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly InsightSeed _seed = new(database.ContextFactory);

    private BestTimeQuery Query => new(database.ContextFactory);

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Heatmap_AcrossTheDstChange_CellsInLocalTime()
    {
        var profile = await SeedAsync("besttime.dst");

        var map = await Query.HeatmapAsync([profile], InsightPeriod.AllTime, Berlin, excludeAds: false, CancellationToken.None, minimumPosts: 5);

        Assert.True(map.HasEnoughData);
        Assert.Equal(8, map.PostsWithKnownViews);
        Assert.Equal("Europe/Berlin", map.TimeZone);
        Assert.Equal("median views 24 h after posting", map.Measure);
        // Saturday 12:30 CEST (UTC+2): four posts, one of them an ad; median of 100, 200, 300, 400 (nearest rank) = 200.
        Assert.Equal(new BestTimeCell(DayOfWeek.Saturday, 12, 4, 200, false), Cell(map, DayOfWeek.Saturday, 12));
        // 00:30 UTC (still CEST) and 01:30 UTC (CET from 01:00 UTC): both 02:30 local on Sunday.
        Assert.Equal(new BestTimeCell(DayOfWeek.Sunday, 2, 2, null, true), Cell(map, DayOfWeek.Sunday, 2));
        // Monday 10:30 UTC is 11:30 CET: two posts, too few to say.
        Assert.Equal(new BestTimeCell(DayOfWeek.Monday, 11, 2, null, true), Cell(map, DayOfWeek.Monday, 11));
        Assert.Equal(3, map.Cells.Count);
    }

    [Fact]
    public async Task Heatmap_ExcludingAds_LeavesOutAdsAndPaidPartnerships()
    {
        var profile = await SeedAsync("besttime.ads");

        var map = await Query.HeatmapAsync([profile], InsightPeriod.AllTime, Berlin, excludeAds: true, CancellationToken.None, minimumPosts: 5);

        Assert.Equal(new BestTimeCell(DayOfWeek.Saturday, 12, 3, 200, false), Cell(map, DayOfWeek.Saturday, 12));
        Assert.Equal(1, Cell(map, DayOfWeek.Monday, 11).Posts);
        Assert.True(map.ExcludesAds);
    }

    [Fact]
    public async Task Heatmap_TooLittleData_SaysHowManyMorePostsItNeeds()
    {
        var profile = await SeedAsync("besttime.few");

        var map = await Query.HeatmapAsync([profile], InsightPeriod.AllTime, TimeZoneInfo.Utc, excludeAds: false, CancellationToken.None);

        Assert.False(map.HasEnoughData);
        Assert.Equal(BestTimeHeatmap.DefaultMinimumPosts - 8, map.PostsNeeded);
        // In UTC the two Sunday posts fall in different hours.
        Assert.Equal(1, Cell(map, DayOfWeek.Sunday, 0).Posts);
        Assert.Equal(1, Cell(map, DayOfWeek.Sunday, 1).Posts);
    }

    [Fact]
    public async Task Heatmap_NoPosts_EmptyAndNeedsThemAll()
    {
        var profile = await _seed.ProfileAsync("besttime.none");

        var map = await Query.HeatmapAsync([profile], InsightPeriod.AllTime, Berlin, excludeAds: false, CancellationToken.None);

        Assert.Empty(map.Cells);
        Assert.Equal(BestTimeHeatmap.DefaultMinimumPosts, map.PostsNeeded);
    }

    private static BestTimeCell Cell(BestTimeHeatmap map, DayOfWeek day, int hour) => map.Cells.Single(c => c.Weekday == day && c.Hour == hour);

    /// <summary>Summer time in Berlin ends on 2026-10-25 at 01:00 UTC.</summary>
    private async Task<Guid> SeedAsync(string handle)
    {
        var profile = await _seed.ProfileAsync(handle);
        var saturday = new DateTime(2026, 10, 24, 10, 30, 0, DateTimeKind.Utc);
        for (var week = 0; week < 3; week++)
        {
            var at = saturday.AddDays(-7 * week);
            await _seed.PostAsync(profile, at, InsightSeed.Counts(1, 1, 1, 1), [(24, 100 * (week + 1))]);
        }

        await _seed.PostAsync(profile, saturday.AddDays(-21), InsightSeed.Counts(1, 1, 1, 1), [(24, 400)], p => p.IsAd = true);
        await _seed.PostAsync(profile, saturday.AddDays(-28), InsightSeed.Counts(1, 1, 1, 1)); // no history: unknown views
        await _seed.PostAsync(profile, new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), InsightSeed.Counts(1, 1, 1, 1), [(20, 50)]);
        await _seed.PostAsync(profile, new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc), InsightSeed.Counts(1, 1, 1, 1), [(20, 70)]);
        await _seed.PostAsync(profile, new DateTime(2026, 10, 26, 10, 30, 0, DateTimeKind.Utc), InsightSeed.Counts(1, 1, 1, 1), [(22, 80)]);
        await _seed.PostAsync(profile, new DateTime(2026, 11, 2, 10, 30, 0, DateTimeKind.Utc), InsightSeed.Counts(1, 1, 1, 1), [(22, 90)],
            p => p.IsPaidPartnership = true);
        return profile;
    }
}

public sealed class PostgresBestTimeQueryTests(PostgresDatabase database) : BestTimeQueryTests<PostgresDatabase>(database);

public sealed class SqliteBestTimeQueryTests(SqliteDatabase database) : BestTimeQueryTests<SqliteDatabase>(database);
