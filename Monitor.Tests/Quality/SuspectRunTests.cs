using Microsoft.EntityFrameworkCore;
using Monitor.Core.Catalog;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Quality;

/// <summary>
/// Each suspect rule through the real run and client against crafted upstream answers: the run is marked with its
/// reason, its history rows are kept, and the posts' current values and the profile's totals stay until a run confirms.
/// </summary>
public abstract class SuspectRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Run_ViewsFallForMostPosts_SuspectAndKeptUntilTheNextRunConfirms()
    {
        var (host, profileId, feed) = await StartAsync(prefix: 1);
        await using var _ = host;
        var before = await ProfileAsync(profileId);

        feed.Posts = [.. feed.Posts.Select(p => (p.Id, 500L)), (FakeFeed.Id(1, 99), 7_000L)];
        var suspect = await RunAsync(host, profileId);

        Assert.Equal((SuspectReason.CountersDropped, 10, 10), (suspect.SuspectReason, suspect.SuspectObserved, suspect.SuspectBaseline));
        var after = await ProfileAsync(profileId);
        Assert.Equal(before.Totals, after.Totals);
        var posts = await PostsAsync(profileId);
        Assert.All(posts.Where(p => p.AwemeId != FakeFeed.Id(1, 99)), p => Assert.True(p.Metrics.Views >= 1_000));
        // A post first seen by a suspect run has no trusted counters yet: its history has them, the totals do not.
        Assert.Null(posts.Single(p => p.AwemeId == FakeFeed.Id(1, 99)).Metrics.Views);
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(11, await db.PostMetricsHistory.CountAsync(h => h.MonitoringLogId == suspect.Id));
        }

        var confirming = await RunAsync(host, profileId);

        Assert.Null(confirming.SuspectReason);
        var confirmed = await ProfileAsync(profileId);
        Assert.Equal((11L, (10 * 500L) + 7_000), (confirmed.TotalPosts, confirmed.Totals.Views));

        // The charts: the suspect run is a gap in the profile's totals, and its values are marked in a post's history.
        var history = host.Get<ProfileHistoryQueries>();
        Assert.Equal(2, (await history.TotalsSinceAsync(profileId, null, CancellationToken.None))!.Count);
        Assert.Equal([suspect.CompletedAt!.Value], await history.GapsSinceAsync(profileId, null, CancellationToken.None));
        var post = posts.Single(p => p.AwemeId == FakeFeed.Id(1, 0));
        var snapshots = (await host.Get<PostQueries>().HistoryAsync(post.Id, CancellationToken.None))!;
        Assert.Equal([false, true, false], snapshots.Select(h => h.Suspect));
        Assert.Equal([1_000L, 500, 500], snapshots.Select(h => h.Metrics.Views!.Value));
    }

    [Fact]
    public async Task Run_FullScanSeesFewerThanHalfThePosts_SuspectAndPostsUntouched()
    {
        var (host, profileId, feed) = await StartAsync(prefix: 2);
        await using var _ = host;
        var before = await ProfileAsync(profileId);
        var postsBefore = await PostsAsync(profileId);

        feed.Posts = [.. feed.Posts.Take(4).Select(p => (p.Id, p.Views * 2))];
        var suspect = await RunAsync(host, profileId);

        Assert.Equal((SuspectReason.PostCountDrop, 4, 10), (suspect.SuspectReason, suspect.SuspectObserved, suspect.SuspectBaseline));
        Assert.Equal((before.TotalPosts, before.Totals), ((await ProfileAsync(profileId)).TotalPosts, (await ProfileAsync(profileId)).Totals));
        var postsAfter = await PostsAsync(profileId);
        Assert.Equal(postsBefore.Select(p => (p.AwemeId, p.Metrics, 0)), postsAfter.Select(p => (p.AwemeId, p.Metrics, p.MissingFullScans)));

        // The same four posts again: the previous full scan saw four, so this one confirms them.
        var confirming = await RunAsync(host, profileId);

        Assert.Null(confirming.SuspectReason);
        var confirmed = await PostsAsync(profileId);
        Assert.All(confirmed.Take(4), p => Assert.Equal((0, postsBefore.Single(b => b.AwemeId == p.AwemeId).Metrics.Views * 2), (p.MissingFullScans, p.Metrics.Views)));
        Assert.All(confirmed.Skip(4), p => Assert.Equal(1, p.MissingFullScans));
    }

    [Fact]
    public async Task Run_ThrottledEmptyFirstPage_NeverWipesTheProfilesNumbers()
    {
        var (host, profileId, feed) = await StartAsync(prefix: 3);
        await using var _ = host;
        var before = await ProfileAsync(profileId);

        feed.Empty = true;
        var suspect = await RunAsync(host, profileId);

        Assert.Equal((MonitoringStatus.Completed, SuspectReason.EmptyFirstPage, 0, 10),
            (suspect.Status, suspect.SuspectReason, suspect.SuspectObserved, suspect.SuspectBaseline));
        var after = await ProfileAsync(profileId);
        Assert.Equal((10L, before.Totals), (after.TotalPosts, after.Totals));
        Assert.All(await PostsAsync(profileId), p => Assert.Equal(0, p.MissingFullScans));

        // A second empty answer in a row confirms it: the posts stay (and start missing full scans), the totals too.
        var second = await RunAsync(host, profileId);

        Assert.Null(second.SuspectReason);
        Assert.Equal((10L, before.Totals), ((await ProfileAsync(profileId)).TotalPosts, (await ProfileAsync(profileId)).Totals));
        Assert.All(await PostsAsync(profileId), p => Assert.Equal(1, p.MissingFullScans));
    }

    [Fact]
    public async Task Posts_MissingFromThreeFullScans_NotSeenSinceAndLeftOutOfTotalsOnlyWhenAsked()
    {
        var (host, profileId, feed) = await StartAsync(prefix: 4);
        await using var _ = host;
        var gone = feed.Posts[^1];
        var lastSeen = (await PostsAsync(profileId)).Single(p => p.AwemeId == gone.Id).LastSeenAt;
        feed.Posts = [.. feed.Posts.SkipLast(1)];

        for (var run = 0; run < 3; run++)
        {
            Assert.Null((await RunAsync(host, profileId)).SuspectReason);
        }

        var listed = await host.Get<PostQueries>().ListAsync(profileId, new PostListQuery(), CancellationToken.None);
        Assert.NotNull(listed);
        Assert.Equal(lastSeen, Assert.Single(listed.Items, p => p.NotSeenSince is not null).NotSeenSince);
        Assert.Equal(gone.Id, Assert.Single(listed.Items, p => p.NotSeenSince is not null).AwemeId);
        var kept = await ProfileAsync(profileId);
        Assert.Equal(10, kept.TotalPosts);

        var excluded = await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(ExcludeUnseenPosts: true), CancellationToken.None);

        Assert.True(excluded!.ExcludeUnseenPosts);
        var withoutUnseen = await ProfileAsync(profileId);
        Assert.Equal((9L, kept.Totals.Views - gone.Views), (withoutUnseen.TotalPosts, withoutUnseen.Totals.Views));
        // A later run keeps them out too; switching back brings them in.
        await RunAsync(host, profileId);
        Assert.Equal(9, (await ProfileAsync(profileId)).TotalPosts);
        var included = await host.Get<ProfileSchedule>().ChangeAsync(profileId, new(ExcludeUnseenPosts: false), CancellationToken.None);
        Assert.False(included!.ExcludeUnseenPosts);
        Assert.Equal(10, (await ProfileAsync(profileId)).TotalPosts);
        Assert.Null(await host.Get<ProfileSchedule>().ChangeAsync(Guid.NewGuid(), new(ExcludeUnseenPosts: true), CancellationToken.None));
    }

    /// <summary>A profile of ten posts in two pages, after its first (trusted) run.</summary>
    private async Task<(CoreHost Host, Guid ProfileId, QualityFeed Feed)> StartAsync(int prefix)
    {
        var handle = $"quality{prefix}_{Guid.NewGuid():N}"[..20];
        var feed = new QualityFeed(pageSize: 5) { Posts = [.. Enumerable.Range(0, 10).Select(i => (FakeFeed.Id(prefix, i), 1_000L + i))] };
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, feed.Respond);
        var host = new CoreHost(Database, Upstream.Settings);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        var first = await RunAsync(host, profileId);
        Assert.Equal((10, (SuspectReason?)null), (first.PostsScraped, first.SuspectReason));
        return (host, profileId, feed);
    }

    private async Task<MonitoringRun> RunAsync(CoreHost host, Guid profileId)
    {
        var outcome = await host.RunOnceAsync(profileId);
        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = Database.CreateDbContext();
        return await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
    }

    private async Task<TiktokProfile> ProfileAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
    }

    private async Task<List<TiktokPost>> PostsAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Posts.AsNoTracking().Where(p => p.ProfileId == profileId).OrderBy(p => p.AwemeId).ToListAsync();
    }
}

public sealed class PostgresSuspectRunTests(PostgresDatabase database) : SuspectRunTests<PostgresDatabase>(database);

public sealed class SqliteSuspectRunTests(SqliteDatabase database) : SuspectRunTests<SqliteDatabase>(database);
