using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts;

/// <summary>The real run against the fake upstream stores the free signals, and keeps or replaces them as later pages say.</summary>
public abstract class FreeSignalsRunTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private const string Pinned = "7430000000000000001";
    private const string Sponsored = "7561810045865935646";
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task Run_PinnedFixture_StoresEverySignal()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var body = Fixture();
        var profile = await host.StoreProfileAsync("signals", feed: _ => (200, body.ToJsonString()));

        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);

        await using var db = database.CreateDbContext();
        var posts = await db.Posts.AsNoTracking().Include(p => p.Hashtags).Where(p => p.ProfileId == profile).ToDictionaryAsync(p => p.AwemeId);
        Assert.Equal(6, posts.Count);
        var pinned = posts[Pinned];
        Assert.Equal((true, false), (pinned.IsPinned, pinned.IsAd));
        Assert.Equal<bool?>([null, null, null], [pinned.IsPaidPartnership, pinned.HasShopProduct, pinned.SoundIsOriginal]);
        Assert.Empty(pinned.Hashtags);
        var sponsored = posts[Sponsored];
        Assert.Equal((false, false, true, true), (sponsored.IsPinned, sponsored.IsAd, sponsored.IsPaidPartnership, sponsored.HasShopProduct));
        Assert.Equal("https://shop.tiktok.com/view/product/fixture-0001", sponsored.ShopProductUrl);
        Assert.Equal(("7000000000000000001", "original sound - fixture.creator", "fixture.creator", true),
            (sponsored.SoundId, sponsored.SoundTitle, sponsored.SoundAuthor, sponsored.SoundIsOriginal));
        Assert.Equal(["fixture", "test"], sponsored.Hashtags.Select(h => h.Tag).Order());
        Assert.All(posts.Values.Where(p => p.AwemeId is not (Pinned or Sponsored)), p => Assert.Equal(false, p.IsPinned));
    }

    [Fact]
    public async Task Run_LaterPages_ReplaceAChangedHashtagSetKeepAnUnreportedOneAndWriteNothingForAnUnchangedOne()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly);
        var body = Fixture();
        var profile = await host.StoreProfileAsync("retagged", feed: _ => (200, body.ToJsonString()));
        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);
        await HashtagAudit.InstallAsync(database);

        // The same page again: nothing to write.
        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);
        Assert.Equal((0, 0), await HashtagAudit.CountsAsync(database));

        // #fixture dropped, #new added, #test kept; the sound and the partnership not reported this time; unpinned.
        var sponsored = Post(body, Sponsored);
        sponsored["text_extra"] = new JsonArray(Tag("test"), Tag("New"));
        sponsored.Remove("music");
        sponsored.Remove("is_paid_partnership");
        Post(body, Pinned)["is_top"] = 0;
        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);
        Assert.Equal((1, 1), await HashtagAudit.CountsAsync(database));
        var stored = await StoredAsync(database, Sponsored);
        Assert.Equal(["new", "test"], stored.Hashtags.Select(h => h.Tag).Order());
        Assert.Equal(("7000000000000000001", true, true), (stored.SoundId, stored.SoundIsOriginal, stored.IsPaidPartnership));
        Assert.Equal(false, (await StoredAsync(database, Pinned)).IsPinned);

        // No text_extra at all: the set is unknown, so it stays.
        sponsored.Remove("text_extra");
        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);
        Assert.Equal(["new", "test"], (await StoredAsync(database, Sponsored)).Hashtags.Select(h => h.Tag).Order());

        // An empty text_extra: the post has no hashtags any more.
        sponsored["text_extra"] = new JsonArray();
        Assert.Equal(MonitoringStatus.Completed, (await RunAsync(host, profile)).Status);
        Assert.Empty((await StoredAsync(database, Sponsored)).Hashtags);
        Assert.Equal((1, 3), await HashtagAudit.CountsAsync(database));
    }

    private static JsonObject Fixture()
    {
        var body = JsonNode.Parse(FixtureFiles.Read("profile-videos-pinned.json"))!.AsObject();
        body["has_more"] = false;
        return body;
    }

    private static JsonObject Post(JsonObject body, string awemeId) =>
        body["aweme_list"]!.AsArray().Single(p => (string?)p!["aweme_id"] == awemeId)!.AsObject();

    private static JsonObject Tag(string name) => new() { ["hashtag_name"] = name, ["type"] = 1 };

    private static async Task<TiktokPost> StoredAsync(SchedulingDatabase database, string awemeId)
    {
        await using var db = database.CreateDbContext();
        return await db.Posts.AsNoTracking().Include(p => p.Hashtags).SingleAsync(p => p.AwemeId == awemeId);
    }

    private static async Task<RunOutcome> RunAsync(CoreHost host, Guid profileId)
    {
        var run = await host.Get<MonitoringScheduleService>().QueueManualRunAsync(profileId, CancellationToken.None);
        return await host.Get<MonitoringRunner>().RunAsync(run!.LogId, CancellationToken.None);
    }
}

public sealed class PostgresFreeSignalsRunTests : FreeSignalsRunTests<PostgresDatabase>;

public sealed class SqliteFreeSignalsRunTests : FreeSignalsRunTests<SqliteDatabase>;
