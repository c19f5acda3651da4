using Microsoft.EntityFrameworkCore;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Changes;

/// <summary>
/// Every kind of change-log entry a run produces, through the real run and client against crafted upstream pages, on
/// both databases; and none when a run sees the same page again.
/// </summary>
public abstract class ChangeLogRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset LongAgo = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_SamePageTwice_RecordsNothing_AndFirstAppearanceIsNoEdit()
    {
        var (host, profileId, _) = await StartAsync(prefix: 1);
        await using var _ = host;

        await RunAsync(host, profileId);

        Assert.Empty(await FeedAsync(host, profileId));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Set<ProfileChange>().CountAsync(c => c.ProfileId == profileId));
    }

    [Fact]
    public async Task Run_CaptionEditedTwice_KeepsBothEditsWithOldAndNewText()
    {
        var (host, profileId, page) = await StartAsync(prefix: 2);
        await using var _ = host;
        var post = page.Posts[0];
        var original = post.Caption;

        post.Caption = "second caption #launch";
        var first = await RunAsync(host, profileId);
        post.Caption = "third caption";
        var second = await RunAsync(host, profileId);

        var edits = await FeedAsync(host, profileId, ChangeKinds.CaptionEdited);
        Assert.Equal(2, edits.Count);
        Assert.Equal(("second caption #launch", "third caption", second.Id), (edits[0].OldValue, edits[0].NewValue, edits[0].RunId));
        Assert.Equal((original, "second caption #launch", first.Id), (edits[1].OldValue, edits[1].NewValue, edits[1].RunId));
        Assert.All(edits, e => Assert.Equal((post.Id, $"https://www.tiktok.com/@x/video/{post.Id}", "third caption"), (e.PostAwemeId, e.PostUrl, e.CaptionExcerpt)));
        Assert.True(edits[0].OccurredAt >= edits[1].OccurredAt);
        Assert.Equal(second.StartedAt!.Value, edits[0].OccurredAt, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task BulkEndpointWrite_CaptionChanged_RecordedWithoutARun()
    {
        var (host, profileId, page) = await StartAsync(prefix: 9);
        await using var _ = host;
        var post = page.Posts[2];

        var written = await host.Get<BulkPostService>().UpsertAsync(profileId,
            [new PostSnapshot { AwemeId = post.Id, Description = "edited through the API", Metrics = new PostMetrics(5_000, 1, 1, 1, 1) }],
            CancellationToken.None);

        Assert.NotNull(written);
        var edit = Assert.Single(await FeedAsync(host, profileId));
        Assert.Equal((ChangeKinds.CaptionEdited, post.Caption, "edited through the API", (long?)null), (edit.Kind, edit.OldValue, edit.NewValue, edit.RunId));
    }

    [Fact]
    public async Task Run_PinnedThenUnpinned_RecordsBoth()
    {
        var (host, profileId, page) = await StartAsync(prefix: 3);
        await using var _ = host;
        var post = page.Posts[1];

        post.Pinned = true;
        var pinning = await RunAsync(host, profileId);
        post.Pinned = false;
        var unpinning = await RunAsync(host, profileId);

        var feed = await FeedAsync(host, profileId);
        Assert.Equal([ChangeKinds.Unpinned, ChangeKinds.Pinned], feed.Select(e => e.Kind));
        Assert.Equal([unpinning.Id, pinning.Id], feed.Select(e => e.RunId!.Value));
        Assert.All(feed, e => Assert.Equal(post.Id, e.PostAwemeId));
    }

    [Fact]
    public async Task Run_PostMissingFromTwoFullScans_UnseenThenSeenAgain()
    {
        var (host, profileId, page) = await StartAsync(prefix: 4, new() { ["Monitoring:Quality:UnseenAfterFullScans"] = "2" });
        await using var _ = host;
        var gone = page.Posts[^1];
        page.Posts.Remove(gone);

        await RunAsync(host, profileId);
        Assert.Empty(await FeedAsync(host, profileId));
        var missed = await RunAsync(host, profileId);
        var unseen = Assert.Single(await FeedAsync(host, profileId));
        page.Posts.Add(gone);
        var back = await RunAsync(host, profileId);

        Assert.Equal((ChangeKinds.PostUnseen, gone.Id, missed.Id, missed.CompletedAt), (unseen.Kind, unseen.PostAwemeId, unseen.RunId, (DateTime?)unseen.OccurredAt));
        var seen = (await FeedAsync(host, profileId))[0];
        Assert.Equal((ChangeKinds.PostSeenAgain, gone.Id, back.Id), (seen.Kind, seen.PostAwemeId, seen.RunId));
        await RunAsync(host, profileId);
        Assert.Equal(2, (await FeedAsync(host, profileId)).Count);
    }

    [Fact]
    public async Task ProfileRefresh_HandleNicknameBioAvatar_RecordedOnlyWhenReallyChanged()
    {
        var (host, profileId, _) = await StartAsync(prefix: 5);
        await using var _ = host;
        var profile = await ProfileAsync(profileId);
        var at = DateTime.UtcNow;
        var avatar = profile.AvatarUrl!;
        var resigned = avatar.Replace("p16-sign.", "p77-sign.", StringComparison.Ordinal).Split('?')[0] + "?x-expires=1&x-signature=OTHER";

        // What a run's refresh does: the same account, its avatar signed again (another host and query): no change.
        await RefreshAsync(profileId, profile.Handle, profile.Nickname, profile.Bio, resigned, at);
        Assert.Empty(await FeedAsync(host, profileId));

        var renamed = profile.Handle + "x";
        var newAvatar = "https://p16-sign.tiktokcdn-us.com/tos-useast5-avt-0068-tx/new-avatar~tplv-tiktokx-cropcenter:1080:1080.jpeg?x-expires=2";
        await RefreshAsync(profileId, renamed, "New Nick", "New bio", newAvatar, at.AddMinutes(1));

        var feed = await FeedAsync(host, profileId);
        Assert.Equal(
            [
                (ChangeKinds.AvatarChanged, (string?)resigned, (string?)newAvatar),
                (ChangeKinds.BioChanged, profile.Bio, "New bio"),
                (ChangeKinds.HandleChanged, profile.Handle, renamed),
                (ChangeKinds.NicknameChanged, profile.Nickname, "New Nick"),
            ],
            feed.Select(e => (e.Kind, e.OldValue, e.NewValue)).Order());
        Assert.All(feed, e => Assert.Equal(at.AddMinutes(1), e.OccurredAt, TimeSpan.FromMilliseconds(1)));
        Assert.All(feed, e => Assert.Null(e.RunId));
    }

    [Fact]
    public async Task Run_AccountPrivateAndBack_RecordsBothStatesAndTheFailedRun()
    {
        var (host, profileId, page) = await StartAsync(prefix: 6);
        await using var _ = host;
        var handle = (await ProfileAsync(profileId)).Handle;
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle, isPrivate: true), priority: 0);
        page.Failure = (200, FakeFeed.Empty);

        var failed = await RunAsync(host, profileId, succeeds: false);
        page.Failure = null;
        var back = await RunAsync(host, profileId);

        var feed = await FeedAsync(host, profileId);
        Assert.Equal(
            [
                (ChangeKinds.AccountStateChanged, "private", "active", back.Id),
                (ChangeKinds.AccountStateChanged, "active", "private", failed.Id),
                (ChangeKinds.RunFailed, null, "accountprivate", failed.Id),
            ],
            feed.Select(e => (e.Kind, e.OldValue, e.NewValue, e.RunId!.Value)));
        Assert.Equal(failed.CompletedAt, feed[1].OccurredAt);
        Assert.Contains("private", feed[2].Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_FailedAndSuspect_DerivedFromTheRunsInTheFeed()
    {
        var (host, profileId, page) = await StartAsync(prefix: 7);
        await using var _ = host;

        page.Failure = (400, """{"success":false,"error":"bad request"}""");
        var failed = await RunAsync(host, profileId, succeeds: false);
        page.Failure = (200, FakeFeed.Empty);
        var suspect = await RunAsync(host, profileId);

        Assert.Equal(SuspectReason.EmptyFirstPage, suspect.SuspectReason);
        var feed = await FeedAsync(host, profileId);
        Assert.Equal([(ChangeKinds.RunSuspect, suspect.Id), (ChangeKinds.RunFailed, failed.Id)], feed.Select(e => (e.Kind, e.RunId!.Value)));
        Assert.Equal("the first page was empty, 4 posts stored", feed[0].Detail);
        Assert.Equal(failed.Error, feed[1].Detail);
        Assert.Equal([(ChangeKinds.RunFailed, failed.Id)], (await FeedAsync(host, profileId, ChangeKinds.RunFailed)).Select(e => (e.Kind, e.RunId!.Value)));
    }

    /// <summary>A profile of four old posts, after its first (trusted) run.</summary>
    private async Task<(CoreHost Host, Guid ProfileId, ChangeFeedPage Page)> StartAsync(int prefix, Dictionary<string, string?>? settings = null)
    {
        var handle = $"changes{prefix}_{Guid.NewGuid():N}"[..20];
        var page = new ChangeFeedPage();
        page.Posts.AddRange(Enumerable.Range(0, 4).Select(i => new CraftedPost(FakeFeed.Id(prefix, i), LongAgo.AddDays(i))));
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, page.Respond);
        var host = new CoreHost(Database, new Dictionary<string, string?>(Upstream.Settings).Concat(settings ?? []));
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        await RunAsync(host, profileId);
        return (host, profileId, page);
    }

    private async Task<MonitoringRun> RunAsync(CoreHost host, Guid profileId, bool succeeds = true)
    {
        var outcome = await host.RunOnceAsync(profileId);
        Assert.True(outcome.Succeeded == succeeds, outcome.Error);
        await using var db = Database.CreateDbContext();
        return await db.Runs.AsNoTracking().SingleAsync(l => l.Id == outcome.LogId);
    }

    private static async Task<IReadOnlyList<ChangeEntry>> FeedAsync(CoreHost host, Guid profileId, string? kind = null) =>
        (await host.Get<ChangeFeedService>().ListAsync(profileId, new ChangeFeedQuery(Kind: kind), CancellationToken.None))!.Items;

    private async Task<TiktokProfile> ProfileAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
    }

    /// <summary>Sets the profile's fields as a run's refresh from the upstream's answer would, with its time.</summary>
    private async Task RefreshAsync(Guid profileId, string handle, string? nickname, string? bio, string avatar, DateTime at)
    {
        await using var db = Database.CreateDbContext();
        await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Handle, handle)
            .SetProperty(p => p.Nickname, nickname)
            .SetProperty(p => p.Bio, bio)
            .SetProperty(p => p.AvatarUrl, avatar)
            .SetProperty(p => p.UpdatedAt, at));
    }
}

public sealed class PostgresChangeLogRunTests(PostgresDatabase database) : ChangeLogRunTests<PostgresDatabase>(database);

public sealed class SqliteChangeLogRunTests(SqliteDatabase database) : ChangeLogRunTests<SqliteDatabase>(database);
