using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// A run whose second page is hostile, on a real database: the run fails with a log error that says what was wrong,
/// the first page is written, nothing of the hostile page is, and the figures stored by the previous run stay. One
/// odd post on the page costs only itself or its odd figure: see <see cref="OddPostRunTests{TDatabase}"/>.
/// </summary>
public abstract class HostileUpstreamRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string PageTwoPostId = "7558229330921000726";

    [Theory]
    [InlineData("10,000 posts", "lists 10,000 posts")]
    [InlineData("no readable post", "none of the page's 3 posts could be read")]
    [InlineData("not json", "not the JSON expected")]
    [InlineData("wrong shape", "not the JSON expected at $.aweme_list")]
    [InlineData("dripping body", "stopped sending")]
    public async Task RunAsync_HostileSecondPage_FailsReadablyKeepsFirstPageAndStoredFigures(string hostile, string expectedInError)
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);
        Assert.True((await host.RunOnceAsync(profileId)).Succeeded);
        var before = await FiguresAsync(profileId);
        ServeHostilePageTwo(handle, hostile);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        await using var db = Database.CreateDbContext();
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Contains(expectedInError, log.Error, StringComparison.Ordinal);
        Assert.Equal(1, log.PagesScraped);
        var after = await FiguresAsync(profileId);
        Assert.Equal(before.Posts, after.Posts);
        Assert.Equal(before.Totals, after.Totals);
        var history = await db.PostMetricsHistory.Where(h => h.Post!.ProfileId == profileId)
            .GroupBy(h => h.Post!.AwemeId).Select(g => new { Id = g.Key, Rows = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Rows);
        Assert.Equal(5, history.Values.Count(rows => rows == 2));
        Assert.Equal(1, history[PageTwoPostId]);
        Assert.False(await db.Posts.AnyAsync(p => p.Metrics.Views > FieldLimits.MaxCount || p.Metrics.Likes > FieldLimits.MaxCount || p.Metrics.Likes < 0));
    }

    [Fact]
    public async Task RunAsync_CaptionOfTenMegabytes_CompletesWithThePostAndItsCaptionCut()
    {
        var handle = UniqueHandle();
        Upstream.ServeFixtureCreator(handle);
        var page = FixtureFiles.Read("profile-videos-page2.json");
        var first = page.IndexOf("\"desc\":", StringComparison.Ordinal);
        var valueStart = page.IndexOf('"', first + 7) + 1;
        var valueEnd = page.IndexOf('"', valueStart);
        Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, 200, page[..valueStart] + new string('x', 10_000_000) + page[valueEnd..]);
        await using var host = NewHost();
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = Database.CreateDbContext();
        var post = await db.Posts.SingleAsync(p => p.AwemeId == PageTwoPostId);
        Assert.Equal(FieldLimits.DescriptionLength, post.Description!.Length);
        Assert.EndsWith("x…", post.Description, StringComparison.Ordinal);
        Assert.Equal(8, await db.Posts.CountAsync(p => p.ProfileId == profileId));
    }

    private void ServeHostilePageTwo(string handle, string hostile)
    {
        if (hostile == "dripping body")
        {
            Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, FakeScrapeCreators.Dripping(TimeSpan.FromMilliseconds(50)));
            return;
        }

        var body = hostile switch
        {
            "no readable post" => """{"success":true,"has_more":0,"aweme_list":[1,"two",[3]]}""",
            "10,000 posts" => ManyPosts(10_000),
            "not json" => "<html><body>502 Bad Gateway</body></html>",
            "wrong shape" => """{"success":true,"has_more":0,"aweme_list":{"aweme_id":"1"}}""",
            _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, null),
        };
        Upstream.ServeVideos(handle, FixtureFiles.PageTwoCursor, 200, body);
    }

    private static string ManyPosts(int count) =>
        "{\"success\":true,\"has_more\":0,\"aweme_list\":["
        + string.Join(',', Enumerable.Range(0, count).Select(n => "{\"aweme_id\":\"" + (7_100_000_000_000_000_000 + n) + "\"}"))
        + "]}";

    private async Task<(List<(string, long?, long?, long?, long?, long?)> Posts, (long, long, long, long, long, long) Totals)> FiguresAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        var posts = (await db.Posts.Where(p => p.ProfileId == profileId).OrderBy(p => p.AwemeId).ToListAsync())
            .Select(p => (p.AwemeId, p.Metrics.Views, p.Metrics.Likes, p.Metrics.Shares, p.Metrics.Comments, p.Metrics.Saves)).ToList();
        var profile = await db.Profiles.SingleAsync(p => p.Id == profileId);
        return (posts, (profile.TotalPosts, profile.Totals.Views ?? 0, profile.Totals.Likes ?? 0, profile.Totals.Shares ?? 0, profile.Totals.Comments ?? 0, profile.Totals.Saves ?? 0));
    }

    // The fake's settings: a 2 s attempt timeout, which is also how long a dripping body is read before the page fails.
    private CoreHost NewHost() => new(Database, Upstream.Settings);

    /// <summary>Posts' aweme ids are unique across profiles, so each test deletes what an earlier one wrote.</summary>
    private string UniqueHandle()
    {
        using var db = Database.CreateDbContext();
        db.Profiles.ExecuteDelete();
        return $"creator_{Guid.NewGuid():N}"[..20];
    }
}

public sealed class PostgresHostileUpstreamRunTests(PostgresDatabase database) : HostileUpstreamRunTests<PostgresDatabase>(database);

public sealed class SqliteHostileUpstreamRunTests(SqliteDatabase database) : HostileUpstreamRunTests<SqliteDatabase>(database);
