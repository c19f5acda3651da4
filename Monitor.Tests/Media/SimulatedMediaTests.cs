using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Catalog;
using Monitor.Core.Media;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Media;

/// <summary>The demo: the simulator's cover and avatar URLs are fetched through the media cache's own client as real PNGs.</summary>
public sealed class SimulatedMediaTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunThenPass_SimulatedProfile_EveryCoverAndTheAvatarCachedAndLinked()
    {
        await using var database = new SqliteDatabase();
        await database.InitializeAsync();
        await database.MigrateAsync();
        await using var host = new CoreHost(database, new Dictionary<string, string?> { ["SCRAPECREATORS_API_KEY"] = "" });
        var profileId = await host.AddProfileAsync("demo.thumbnails", monitoringEnabled: false);
        await host.RunOnceAsync(profileId);
        var clock = Stopwatch.StartNew();

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);
        var first = clock.Elapsed;
        clock.Restart();
        var again = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var posts = await db.Posts.CountAsync(p => p.ProfileId == profileId);
        output.WriteLine($"{posts} posts + 1 avatar: first pass {first.TotalMilliseconds:0} ms ({result}), second pass {clock.Elapsed.TotalMilliseconds:0} ms ({again})");
        Assert.Equal(posts + 1, result.Stored);
        Assert.Equal(0, result.Failed);
        Assert.Equal(new MediaPassResult(0, 0, 0, 0), again);
        var page = await host.Get<PostQueries>().ListAsync(profileId, new PostListQuery(PageSize: 1000), CancellationToken.None);
        Assert.All(page!.Items, p => Assert.StartsWith("/media/", p.CoverCacheUrl, StringComparison.Ordinal));
        var profile = await host.Get<ProfileService>().GetAsync(profileId, CancellationToken.None);
        Assert.StartsWith("/media/", profile!.AvatarCacheUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_SimulatedCoverAndAvatar_ArePngs()
    {
        await using var database = new SqliteDatabase();
        await database.InitializeAsync();
        await using var host = new CoreHost(database, new Dictionary<string, string?> { ["SCRAPECREATORS_API_KEY"] = "" });
        var downloader = host.Get<MediaDownloader>();

        var cover = await downloader.DownloadAsync(SimulatedMedia.CoverUrl("7301234567890123456", isSlideshow: false), CancellationToken.None);
        var avatar = await downloader.DownloadAsync(SimulatedMedia.AvatarUrl("demo.creator"), CancellationToken.None);
        var unknown = await downloader.DownloadAsync($"https://{SimulatedMedia.Host}/nothing", CancellationToken.None);

        Assert.True(cover.Succeeded, cover.Error);
        Assert.Equal("image/png", cover.ContentType);
        Assert.True(avatar.Succeeded, avatar.Error);
        Assert.NotEqual(cover.Hash, avatar.Hash);
        Assert.False(unknown.Succeeded);
        Assert.Equal("HTTP 404.", unknown.Error);
    }

    [Fact]
    public void Render_SameSeed_SameBytes() =>
        Assert.Equal(SimulatedMedia.Render("/avatar/00000000000000ff.png"), SimulatedMedia.Render("/avatar/00000000000000ff.png"));
}
