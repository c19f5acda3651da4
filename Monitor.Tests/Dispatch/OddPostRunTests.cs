using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// A run whose second page holds one odd post among good ones, on a real database, through the real client against
/// the fake upstream: the run completes, the good posts are written, the odd post keeps its last good figure (an odd
/// counter) or is skipped (an unusable id), and the run's log names it.
/// </summary>
public abstract class OddPostRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string OddPostId = "7558229330921000726";
    private const string GoodPostId = "7554722061592188182";

    [Theory]
    [InlineData("1e30")]
    [InlineData("123.5")]
    [InlineData("-5")]
    [InlineData("1000000000000001")]
    [InlineData("\"lots\"")]
    public async Task RunAsync_OddCountOnOnePost_KeepsItsLastGoodValueWritesTheRestAndNamesIt(string oddViews)
    {
        var (host, profileId) = await FirstRunAsync();
        await using var _ = host;
        // The second run sees new likes on the odd post and new views on a good one: both must be written.
        ServePageTwo(page => page.Replace("\"play_count\": 71002", $"\"play_count\": {oddViews}", StringComparison.Ordinal)
            .Replace("\"digg_count\": 5521", "\"digg_count\": 6000", StringComparison.Ordinal)
            .Replace("\"play_count\": 1209", "\"play_count\": 1500", StringComparison.Ordinal));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Completed, outcome.Status);
        await using var db = Database.CreateDbContext();
        var odd = await db.Posts.SingleAsync(p => p.AwemeId == OddPostId);
        Assert.Equal((71002L, 6000L), (odd.Metrics.Views, odd.Metrics.Likes));
        Assert.Equal(1500, (await db.Posts.SingleAsync(p => p.AwemeId == GoodPostId)).Metrics.Views);
        Assert.Equal(8, await HistoryRowsOfTheSecondRunAsync(db, profileId));
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(2, log.PagesScraped);
        Assert.Contains("1 odd post on the feed", log.Note, StringComparison.Ordinal);
        Assert.Contains($"{OddPostId} (page 2, post 1) kept its last play_count: a count is {oddViews.Trim('"')}", log.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0667\u0665\u0665\u0668")]
    [InlineData("\uff17\uff15\uff15\uff18")]
    [InlineData("75582x9330921000726")]
    public async Task RunAsync_PostIdNotInAsciiDigits_SkipsItWritesTheRestAndNamesIt(string oddId)
    {
        var (host, profileId) = await FirstRunAsync();
        await using var _ = host;
        var before = await FiguresOfAsync(OddPostId);
        ServePageTwo(page => page.Replace($"\"aweme_id\": \"{OddPostId}\"", $"\"aweme_id\": \"{oddId}\"", StringComparison.Ordinal)
            .Replace("\"play_count\": 1209", "\"play_count\": 1500", StringComparison.Ordinal));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Completed, outcome.Status);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1500, (await db.Posts.SingleAsync(p => p.AwemeId == GoodPostId)).Metrics.Views);
        Assert.Equal(before, await FiguresOfAsync(OddPostId));
        Assert.Equal(7, await HistoryRowsOfTheSecondRunAsync(db, profileId));
        Assert.Equal(8, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(7, log.PostsScraped);
        Assert.Contains("1 odd post on the feed", log.Note, StringComparison.Ordinal);
        Assert.Contains($"{oddId} (page 2, post 1) skipped: aweme_id \"{oddId}\" is not a numeric id", log.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OddCountOnAPostNotStoredYet_SkipsItWritesTheRestAndNamesIt()
    {
        _handle = UniqueHandle();
        Upstream.ServeFixtureCreator(_handle);
        ServePageTwo(page => page.Replace("\"play_count\": 71002", "\"play_count\": -5", StringComparison.Ordinal));
        await using var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(_handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Completed, outcome.Status);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Posts.AnyAsync(p => p.AwemeId == OddPostId));
        Assert.Equal(7, await db.Posts.CountAsync(p => p.ProfileId == profileId));
        Assert.Equal(1209, (await db.Posts.SingleAsync(p => p.AwemeId == GoodPostId)).Metrics.Views);
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Contains("1 odd post on the feed", log.Note, StringComparison.Ordinal);
        Assert.Contains($"{OddPostId} (page 2, post 1) skipped: play_count: a count is -5", log.Note, StringComparison.Ordinal);
        Assert.Contains("a new post has no last good value to keep", log.Note, StringComparison.Ordinal);
    }

    /// <summary>A first, good run stores every post's figures: the last good values the odd post must keep.</summary>
    private async Task<(CoreHost Host, Guid ProfileId)> FirstRunAsync()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(handle);
        var first = await host.RunOnceAsync(profileId);
        Assert.True(first.Succeeded, first.Error);
        _handle = handle;
        return (host, profileId);
    }

    private string _handle = "";

    private void ServePageTwo(Func<string, string> change)
    {
        var page = FixtureFiles.Read("profile-videos-page2.json");
        var changed = change(page);
        Assert.NotEqual(page, changed);
        Upstream.ServeVideos(_handle, FixtureFiles.PageTwoCursor, 200, changed);
    }

    private async Task<(long?, long?, long?, long?, long?, DateTime)> FiguresOfAsync(string awemeId)
    {
        await using var db = Database.CreateDbContext();
        var post = await db.Posts.AsNoTracking().SingleAsync(p => p.AwemeId == awemeId);
        return (post.Metrics.Views, post.Metrics.Likes, post.Metrics.Shares, post.Metrics.Comments, post.Metrics.Saves, post.LastSeenAt);
    }

    private static async Task<int> HistoryRowsOfTheSecondRunAsync(Monitor.Core.Data.MonitorDbContext db, Guid profileId) =>
        await db.PostMetricsHistory.Where(h => h.Post!.ProfileId == profileId).CountAsync() - 8;

    /// <summary>Posts' aweme ids are unique across profiles, so each test deletes what an earlier one wrote.</summary>
    private string UniqueHandle()
    {
        using var db = Database.CreateDbContext();
        db.Profiles.ExecuteDelete();
        return $"creator_{Guid.NewGuid():N}"[..20];
    }
}

public sealed class PostgresOddPostRunTests(PostgresDatabase database) : OddPostRunTests<PostgresDatabase>(database);

public sealed class SqliteOddPostRunTests(SqliteDatabase database) : OddPostRunTests<SqliteDatabase>(database);
