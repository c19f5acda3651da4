using Monitor.Core.Audience;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audience;

/// <summary>The account history read back, on both databases, against hand-computed figures.</summary>
public abstract class AccountHistoryQueriesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateTime Day1 = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FollowersAtPosting_LatestSnapshotAtOrBeforeThePost_NullWhenNone()
    {
        var (profileId, other) = await SeedAsync();
        var posts = await AddPostsAsync(
            (profileId, Day1.AddHours(-1)),           // before any snapshot
            (profileId, Day1.AddDays(1).AddHours(5)),  // after day 2's 10:00 (1,100), before its 20:00 (1,150)
            (profileId, Day1.AddDays(8)),              // exactly at day 9's snapshot (1,500)
            (profileId, null),                         // no time
            (other, Day1.AddDays(3)));                 // a profile without snapshots
        var query = new FollowersAtPostingQuery(database.ContextFactory);

        var byPost = (await query.ForPostsAsync(posts, CancellationToken.None)).ToDictionary(p => p.PostId, p => p.FollowersAtPosting);
        var inPeriod = await query.ForProfilesAsync([profileId, other], Day1, Day1.AddDays(10), CancellationToken.None);

        Assert.Equal([null, 1_100L, 1_500L, null, null], posts.Select(id => byPost[id]));
        Assert.Equal([1_100L, null, 1_500L], inPeriod.OrderBy(p => p.PostedAt).Select(p => p.FollowersAtPosting));
    }

    [Fact]
    public async Task FollowerSeries_DailyLastCountsInTheReportingZone_GainsOver7And30Days()
    {
        var (profileId, other) = await SeedAsync();
        var queries = new AccountHistoryQueries(database.ContextFactory, ReportingTimeZone.FromId("Europe/Berlin"));

        var series = await queries.FollowerSeriesAsync([profileId, other], new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), CancellationToken.None);

        var mine = Assert.Single(series, s => s.ProfileId == profileId);
        // Day 9's 23:30 UTC count is day 10 in Berlin.
        Assert.Equal(
            [(new DateOnly(2026, 11, 1), 1_000L), (new DateOnly(2026, 11, 2), 1_150L), (new DateOnly(2026, 11, 9), 1_500L),
             (new DateOnly(2026, 11, 10), 1_510L), (new DateOnly(2026, 12, 1), 3_000L)],
            mine.Days.Select(d => (d.Day, d.Followers)));
        // By the end of Dec 1 (Berlin): 3,000; by 7 days earlier: 1,510; by 30 days earlier (Nov 2, 00:00 Berlin): 1,000.
        Assert.Equal((1_490L, 1_510L), (mine.Gain7Days.Gain!.Value, mine.Gain7Days.BaseFollowers!.Value));
        Assert.Equal((2_000L, 200.0), (mine.Gain30Days.Gain!.Value, mine.Gain30Days.GrowthPercent!.Value));
        Assert.Equal([100.0, 115.0, 150.0, 151.0, 300.0], mine.IndexedTo100().Select(i => Math.Round(i.Index, 6)));
        var empty = Assert.Single(series, s => s.ProfileId == other);
        Assert.Empty(empty.Days);
        Assert.Null(empty.Gain7Days.Gain);
    }

    [Fact]
    public async Task Summary_GainsBeforeTheLatestCount_AndAProjectedMilestone()
    {
        var (profileId, _) = await SeedAsync();
        var queries = new AccountHistoryQueries(database.ContextFactory, ReportingTimeZone.FromId("UTC"));

        var summary = await queries.SummaryAsync(profileId, CancellationToken.None);
        var history = await queries.HistoryAsync(profileId, Day1.AddDays(1), Day1.AddDays(9), CancellationToken.None);

        Assert.NotNull(summary);
        Assert.Equal(3_000, summary.Latest!.FollowerCount);
        // Latest: Dec 1 10:00. 1 and 7 days before it: the Nov 9 23:30 count (1,510); 30 days before: Nov 1 10:00 (1,000).
        Assert.Equal([(1, 1_490L), (7, 1_490L), (30, 2_000L)], summary.Gains.Select(g => (g.Days, g.Gain!.Value)));
        Assert.Equal(MilestoneOutlook.Projected, summary.Milestone.Outlook);
        Assert.Equal(10_000, summary.Milestone.NextMilestone);
        Assert.Equal([1_100L, 1_150L, 1_500L, 1_510L], history!.Select(h => h.FollowerCount!.Value));
        Assert.Null(await queries.SummaryAsync(Guid.NewGuid(), CancellationToken.None));
    }

    /// <summary>A profile with follower counts on Nov 1, 2 (twice), 9 (twice: 10:00 and 23:30 UTC) and Dec 1; and one without any.</summary>
    private async Task<(Guid Profile, Guid Other)> SeedAsync()
    {
        var profile = NewProfile();
        var other = NewProfile();
        await using var db = database.CreateDbContext();
        db.Profiles.AddRange(profile, other);
        (DateTime At, long Followers)[] counts =
        [
            (Day1, 1_000), (Day1.AddDays(1), 1_100), (Day1.AddDays(1).AddHours(10), 1_150),
            (Day1.AddDays(8), 1_500), (Day1.AddDays(8).AddHours(13.5), 1_510), (Day1.AddDays(30), 3_000),
        ];
        db.AccountHistory.AddRange(counts.Select(c => new ProfileAccountSnapshot
        {
            ProfileId = profile.Id,
            RecordedAt = c.At,
            FollowerCount = c.Followers,
            FollowingCount = 10,
            LikesCount = 500,
            VideoCount = 3,
            Source = AccountSnapshotSource.FeedAuthor,
        }));
        await db.SaveChangesAsync();
        return (profile.Id, other.Id);
    }

    private async Task<List<long>> AddPostsAsync(params (Guid ProfileId, DateTime? PostedAt)[] posts)
    {
        await using var db = database.CreateDbContext();
        var rows = posts.Select((p, i) => new TiktokPost
        {
            ProfileId = p.ProfileId,
            AwemeId = FakeFeed.Id(6, Random.Shared.Next(1_000_000) * 10 + i),
            PostedAt = p.PostedAt,
            FirstSeenAt = Day1,
            LastSeenAt = Day1,
        }).ToList();
        db.Posts.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private static TiktokProfile NewProfile() => new()
    {
        Handle = $"aud_{Guid.NewGuid():N}"[..20],
        CreatedAt = Day1,
        UpdatedAt = Day1,
    };
}

public sealed class PostgresAccountHistoryQueriesTests(PostgresDatabase database) : AccountHistoryQueriesTests<PostgresDatabase>(database);

public sealed class SqliteAccountHistoryQueriesTests(SqliteDatabase database) : AccountHistoryQueriesTests<SqliteDatabase>(database);
