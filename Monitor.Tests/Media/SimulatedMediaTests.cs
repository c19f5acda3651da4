using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Media;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Media;

/// <summary>The demo: the simulator's cover and avatar URLs are fetched through the media cache's own client as real PNGs.</summary>
public sealed class SimulatedMediaTests
{
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
