using Monitor.Core.Insights;
using Monitor.Core.Insights.Leaderboards;
using Monitor.Core.Posts;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Insights;

/// <summary>Hashtag and sound leaderboards: counts, medians, the best post, and original sounds apart from borrowed ones.</summary>
public abstract class LeaderboardQueryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string OwnSound = "7400000000000000001";
    private const string Borrowed = "7400000000000000002";
    private readonly InsightSeed _seed = new(database.ContextFactory);

    private LeaderboardQuery Query => new(database.ContextFactory);

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Hashtags_OrderedByPosts_WithMediansAndTheMostViewedPost()
    {
        var (profile, best) = await SeedAsync("boards.tags");

        var board = await Query.HashtagsAsync([profile], new InsightPeriod(InsightSeed.Origin.AddDays(-30), InsightSeed.Origin), CancellationToken.None);

        Assert.Equal(["dance", "fyp", "cats"], board.Rows.Select(r => r.Key));
        var dance = board.Rows[0];
        Assert.Equal((3L, 300L), (dance.Posts, dance.MedianViews!.Value));
        Assert.Equal(0.05, dance.MedianEngagementRate!.Value, 12); // rates 0.1, 0.05, 0.02
        Assert.Equal((best.Id, best.AwemeId, best.ShareUrl, 1_000L), (dance.BestPost!.PostId, dance.BestPost.AwemeId, dance.BestPost.ShareUrl, dance.BestPost.ViewCount));
        Assert.Null(dance.IsOriginal);
        Assert.Equal((1L, 50L), (board.Rows[2].Posts, board.Rows[2].MedianViews!.Value));
        Assert.Equal("(likes + comments + shares) / views", board.EngagementRateFormula);
    }

    [Fact]
    public async Task Sounds_OriginalKeptApartFromBorrowed()
    {
        var (profile, best) = await SeedAsync("boards.sounds");

        var sounds = await Query.SoundsAsync([profile], InsightPeriod.AllTime, CancellationToken.None);

        var own = Assert.Single(sounds.Original);
        Assert.Equal((OwnSound, "original sound", true, 1L, best.Id), (own.Key, own.Title, own.IsOriginal, own.Posts, own.BestPost!.PostId));
        var borrowed = Assert.Single(sounds.Borrowed);
        Assert.Equal((Borrowed, "Hit song", "Singer", false, 3L), (borrowed.Key, borrowed.Title, borrowed.Author, borrowed.IsOriginal, borrowed.Posts));
        Assert.Equal(50L, borrowed.MedianViews); // 50, 50 (out of period for the tags, not here), 300
    }

    [Fact]
    public async Task Hashtags_ForAGroup_PooledAcrossItsProfiles()
    {
        var (first, _) = await SeedAsync("boards.group.a");
        var (second, _) = await SeedAsync("boards.group.b");
        var outsider = await SeedAsync("boards.group.out");

        var board = await Query.HashtagsAsync([first, second], InsightPeriod.AllTime, CancellationToken.None);

        var dance = board.Rows.Single(r => r.Key == "dance");
        Assert.Equal((8L, 50L), (dance.Posts, dance.MedianViews!.Value)); // 50, 50, 300 and 1,000 from each: the 4th of 8 is 50
        Assert.Contains(dance.BestPost!.ProfileId, new[] { first, second });
        Assert.NotEqual(outsider.Profile, dance.BestPost.ProfileId);
    }

    [Fact]
    public void Sort_AnyColumn_UnknownLast()
    {
        LeaderboardRow[] rows =
        [
            new("a", null, null, null, 1, 10, null, null),
            new("b", null, null, null, 3, null, 0.2, null),
            new("c", null, null, null, 2, 30, 0.1, null),
        ];

        Assert.Equal(["b", "c", "a"], LeaderboardSort.Apply(rows, null, true).Select(r => r.Key));
        Assert.Equal(["c", "a", "b"], LeaderboardSort.Apply(rows, "medianViews", true).Select(r => r.Key));
        Assert.Equal(["a", "c", "b"], LeaderboardSort.Apply(rows, "MEDIANVIEWS", false).Select(r => r.Key));
        Assert.Equal(["c", "b", "a"], LeaderboardSort.Apply(rows, "medianEngagementRate", false).Select(r => r.Key));
        Assert.Equal(["c", "b", "a"], LeaderboardSort.Apply(rows, "key", true).Select(r => r.Key));
        Assert.False(LeaderboardSort.IsKnown("likes"));
    }

    private async Task<(Guid Profile, Core.Posts.TiktokPost Best)> SeedAsync(string handle)
    {
        var profile = await _seed.ProfileAsync(handle);
        var t = InsightSeed.Origin;
        var best = await _seed.PostAsync(profile, t.AddDays(-1), InsightSeed.Counts(1_000, 100, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundAuthor, p.SoundIsOriginal) = ("""["dance","fyp"]""", OwnSound, "original sound", handle, true));
        await _seed.PostAsync(profile, t.AddDays(-2), InsightSeed.Counts(300, 15, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundAuthor, p.SoundIsOriginal) = ("""["dance","fyp"]""", Borrowed, "Hit song", "Singer", false));
        await _seed.PostAsync(profile, t.AddDays(-3), InsightSeed.Counts(50, 1, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundAuthor, p.SoundIsOriginal) = ("""["dance","cats"]""", Borrowed, "Hit song", "Singer", null));
        await _seed.PostAsync(profile, t.AddDays(-90), InsightSeed.Counts(50, 1, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundAuthor) = ("""["dance","old"]""", Borrowed, "Hit song", "Singer"));
        return (profile, best);
    }
}

public sealed class PostgresLeaderboardQueryTests(PostgresDatabase database) : LeaderboardQueryTests<PostgresDatabase>(database);

public sealed class SqliteLeaderboardQueryTests(SqliteDatabase database) : LeaderboardQueryTests<SqliteDatabase>(database);
