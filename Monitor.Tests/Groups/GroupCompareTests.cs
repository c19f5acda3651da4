using Monitor.Core.Common;
using Monitor.Core.Groups.Compare;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>
/// The comparison against figures computed by hand, on both databases. The reporting zone is Europe/Berlin (UTC+1 in
/// November): the period 1–14 November starts at 31 October 23:00 UTC, so posts and snapshots near midnight test the
/// day boundaries.
/// </summary>
public abstract class GroupCompareTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 14);
    private CoreHost _host = null!;

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        _host = new CoreHost(database, [new("Monitoring:TimeZone", "Europe/Berlin")]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Compare_SeededGroup_MatchesHandComputedFigures()
    {
        var (groupId, us, a, b) = await SeedAsync();

        var result = await CompareAsync(groupId);

        Assert.Equal(14, result.Period.Days);
        Assert.Equal("Europe/Berlin", result.Period.TimeZone);
        Assert.Equal(Utc(10, 31, 23), result.Period.StartUtc);
        Assert.Equal([us, a, b], result.Rows.Select(r => r.ProfileId));
        var own = result.Rows[0];
        Assert.True(own.IsOwn);
        Assert.Equal(3, own.Posts);
        Assert.Equal(1.5, own.PostsPerWeek, 9);
        Assert.Equal(200, own.MedianViews);
        Assert.Equal(300, own.BestPost!.ViewCount);
        Assert.StartsWith("https://www.tiktok.com/@x/video/", own.BestPost.ShareUrl, StringComparison.Ordinal);
        Assert.Equal(5, own.Credits);

        var rowA = result.Rows[1];
        Assert.Equal(5, rowA.Posts);
        Assert.Equal(2.5, rowA.PostsPerWeek, 9);
        Assert.Equal(25, rowA.MedianViews);
        Assert.Equal(40, rowA.BestPost!.ViewCount);
        Assert.Equal(3, rowA.Credits);

        var rowB = result.Rows[2];
        Assert.Equal(0, rowB.Posts);
        Assert.Null(rowB.MedianViews);
        Assert.Null(rowB.BestPost);
        Assert.Equal(0, rowB.Credits);
        Assert.All(result.Rows, r => Assert.Null(r.Followers));
    }

    [Fact]
    public async Task Compare_Averages_CompetitorsExcludeTheOwnProfile()
    {
        var (groupId, _, _, _) = await SeedAsync();

        var result = await CompareAsync(groupId);

        var competitors = result.CompetitorAverage;
        Assert.Equal(2, competitors.Profiles);
        Assert.Equal(1.25, competitors.Values["postsPerWeek"]!.Value, 9);
        Assert.Equal(25, competitors.Values["medianViews"]);
        Assert.Equal(40, competitors.Values["bestPostViews"]);
        Assert.Equal(1.5, competitors.Values["credits"]!.Value, 9);
        var group = result.GroupAverage;
        Assert.Equal(3, group.Profiles);
        Assert.Equal(4.0 / 3, group.Values["postsPerWeek"]!.Value, 9);
        Assert.Equal(112.5, group.Values["medianViews"]!.Value, 9);
        Assert.Equal(170, group.Values["bestPostViews"]);
        Assert.Equal(8.0 / 3, group.Values["credits"]!.Value, 9);
    }

    [Fact]
    public async Task Compare_IndexedGrowth_LastValueOfEachZoneDay_LateStartsAreSaid()
    {
        var (groupId, us, a, b) = await SeedAsync();

        var chart = (await CompareAsync(groupId)).Growth.Single(g => g.Metric == "Total views");

        Assert.Equal("Europe/Berlin", chart.TimeZone);
        var own = chart.Series.Single(s => s.ProfileId == us);
        Assert.False(own.StartsLate);
        Assert.Equal(From, own.BaseDay);
        Assert.Equal([(From, 1100.0, 100.0), (new DateOnly(2026, 11, 3), 1650.0, 150.0)], own.Points.Select(p => (p.Day, p.Value, p.Index)));
        var late = chart.Series.Single(s => s.ProfileId == a);
        Assert.True(late.StartsLate);
        Assert.Contains("2026-11-05", late.Note, StringComparison.Ordinal);
        Assert.Equal([100.0, 150.0], late.Points.Select(p => p.Index));
        var none = chart.Series.Single(s => s.ProfileId == b);
        Assert.Empty(none.Points);
        Assert.NotNull(none.Note);
    }

    [Fact]
    public async Task Compare_FollowersEngagementAndSameAge_FromAccountHistoryAndPostHistory()
    {
        var us = await GroupTestData.ProfileAsync(database, "wired.us");
        var rival = await GroupTestData.ProfileAsync(database, "wired.rival");
        // Followers: the last count of each Berlin day; gains against the latest count 7 and 30 days before the period's end.
        await GroupTestData.FollowersAsync(database, us, (Utc(10, 10, 12), 800), (Utc(11, 1, 12), 1_000), (Utc(11, 1, 20), 1_100),
            (Utc(11, 10, 12), 1_200), (Utc(11, 14, 12), 1_650));
        await GroupTestData.FollowersAsync(database, rival, (Utc(11, 1, 12), 10_000), (Utc(11, 14, 12), 10_500));
        // Engagement (likes + comments + shares) / views: 0.1, 0.2, 0.3 for us (median 0.2); 0.05 for the rival.
        // Views at 24 h: the latest snapshot at or before 24 h, taken at least 18 h after posting; nearest-rank median of 400 and 600.
        await GroupTestData.EngagedPostAsync(database, us, Utc(11, 2, 10), 1_000, 60, 20, 20, (TimeSpan.FromHours(20), 400), (TimeSpan.FromHours(30), 900));
        await GroupTestData.EngagedPostAsync(database, us, Utc(11, 3, 10), 1_000, 100, 50, 50, (TimeSpan.FromHours(23), 600));
        await GroupTestData.EngagedPostAsync(database, us, Utc(11, 4, 10), 1_000, 200, 50, 50, (TimeSpan.FromHours(10), 100));
        await GroupTestData.EngagedPostAsync(database, rival, Utc(11, 5, 10), 2_000, 50, 30, 20, (TimeSpan.FromHours(24), 1_500));
        var groupId = await GroupTestData.GroupAsync(_host, "Wired", (us, true), (rival, false));

        var result = await CompareAsync(groupId);

        var own = result.Rows.Single(r => r.ProfileId == us);
        Assert.Equal(1_650, own.Followers);
        Assert.Equal(1_650 - 1_100, own.FollowersGained7Days);
        Assert.Equal(1_650 - 800, own.FollowersGained30Days);
        Assert.Equal(0.2, own.MedianEngagementRate!.Value, 9);
        Assert.Equal(400, own.MedianViewsAt24Hours);
        var other = result.Rows.Single(r => r.ProfileId == rival);
        Assert.Equal(10_500, other.Followers);
        Assert.Null(other.FollowersGained30Days);
        Assert.Equal(0.05, other.MedianEngagementRate!.Value, 9);
        Assert.Equal(1_500, other.MedianViewsAt24Hours);
        Assert.Equal(0.05, result.CompetitorAverage.Values["medianEngagementRate"]!.Value, 9);
        var followers = result.Growth.Single(g => g.Metric == "Followers");
        var ownSeries = followers.Series.Single(s => s.ProfileId == us);
        Assert.Equal([100.0, 109.09, 150.0], ownSeries.Points.Select(p => Math.Round(p.Index, 2)));
    }

    [Fact]
    public async Task Compare_EmptyGroup_HasNoRowsAndEmptyAverages()
    {
        var groupId = await GroupTestData.GroupAsync(_host, "Empty");

        var result = await CompareAsync(groupId);

        Assert.Empty(result.Rows);
        Assert.Equal(0, result.GroupAverage.Profiles);
        Assert.Null(result.GroupAverage.Values["medianViews"]);
        Assert.Null(await _host.Get<GroupCompareService>().CompareAsync(Guid.NewGuid(), result.Period, CancellationToken.None));
    }

    private async Task<GroupComparison> CompareAsync(Guid groupId)
    {
        var (period, _, problem) = ComparePeriod.Create(From, To, _host.Get<ReportingTimeZone>(), DateTime.UtcNow);
        Assert.Null(problem);
        return (await _host.Get<GroupCompareService>().CompareAsync(groupId, period!, CancellationToken.None))!;
    }

    private async Task<(Guid Group, Guid Us, Guid A, Guid B)> SeedAsync()
    {
        var us = await GroupTestData.ProfileAsync(database, "us");
        var a = await GroupTestData.ProfileAsync(database, "rival.a");
        var b = await GroupTestData.ProfileAsync(database, "rival.b");
        var outsider = await GroupTestData.ProfileAsync(database, "outsider");

        // Us: 00:30 Berlin on 1 Nov is in the period though its UTC date is 31 Oct; 23:30 Berlin on 31 Oct is not.
        await GroupTestData.PostAsync(database, us, Utc(10, 31, 23, 30), 100);
        await GroupTestData.PostAsync(database, us, Utc(11, 5, 12), 300);
        await GroupTestData.PostAsync(database, us, Utc(11, 14, 22, 59), 200);
        await GroupTestData.PostAsync(database, us, Utc(10, 31, 22, 30), 1_000_000);
        // A: four posts with views (median of 20 and 30), one without, and one after the period.
        foreach (var views in new long?[] { 10, 40, 20, 30, null })
        {
            await GroupTestData.PostAsync(database, a, Utc(11, 8, 9), views);
        }

        await GroupTestData.PostAsync(database, a, Utc(11, 14, 23), 5_000_000);
        await GroupTestData.PostAsync(database, outsider, Utc(11, 8, 9), 7_000_000);

        await GroupTestData.CreditsAsync(database, us, new DateOnly(2026, 11, 1), 5);
        await GroupTestData.CreditsAsync(database, us, new DateOnly(2026, 10, 31), 7);
        await GroupTestData.CreditsAsync(database, a, new DateOnly(2026, 11, 14), 3);
        await GroupTestData.CreditsAsync(database, a, new DateOnly(2026, 11, 15), 4);
        await GroupTestData.CreditsAsync(database, outsider, new DateOnly(2026, 11, 5), 11);

        // Totals: before the period, two on 1 Nov (the later counts), one at 00:30 Berlin on 3 Nov.
        await GroupTestData.TotalsAsync(database, us, Utc(10, 31, 22), 500);
        await GroupTestData.TotalsAsync(database, us, Utc(11, 1, 8), 1_000);
        await GroupTestData.TotalsAsync(database, us, Utc(11, 1, 20), 1_100);
        await GroupTestData.TotalsAsync(database, us, Utc(11, 2, 23, 30), 1_650);
        // A starts late; its suspect run's row later on 6 Nov is left out.
        await GroupTestData.TotalsAsync(database, a, Utc(11, 5, 10), 200);
        await GroupTestData.TotalsAsync(database, a, Utc(11, 6, 10), 300);
        await GroupTestData.TotalsAsync(database, a, Utc(11, 6, 18), 9_999, suspect: true);
        await GroupTestData.TotalsAsync(database, outsider, Utc(11, 2, 10), 42);

        var groupId = await GroupTestData.GroupAsync(_host, "Rivals", (b, false), (a, false), (us, true));
        return (groupId, us, a, b);
    }
}

public sealed class PostgresGroupCompareTests(PostgresDatabase database) : GroupCompareTests<PostgresDatabase>(database);

public sealed class SqliteGroupCompareTests(SqliteDatabase database) : GroupCompareTests<SqliteDatabase>(database);
