using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Media;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Media;

/// <summary>The cache's pass against a local image server, on both databases: what is stored, what is refused, what is removed.</summary>
public abstract class MediaCacheTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private ImageServer _server = default!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        _server = await ImageServer.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pass_TwoOwnersWithTheSameBytes_StoredOnceAndLinked()
    {
        await using var host = Host();
        var profile = await InsertProfileAsync(_server.Url("/png/1?sig=a"), _server.Url("/png/1?sig=b"), _server.Url("/png/2"));

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(3, result.Stored);
        await using var db = database.CreateDbContext();
        var references = await db.MediaReferences.Where(r => r.ProfileId == profile.Id).ToListAsync();
        Assert.Equal(3, references.Count);
        Assert.All(references, r => Assert.Equal(MediaState.Cached, r.State));
        var avatar = references.Single(r => r.Kind == MediaKind.Avatar);
        var first = references.Single(r => r.PostId == profile.PostIds[0]);
        Assert.Equal(MediaHash.Of(ImageServer.Png(1)), avatar.Hash);
        Assert.Equal(avatar.Hash, first.Hash);
        Assert.Equal("image/png", first.ContentType);
        var hashes = references.Select(r => r.Hash!).Distinct().ToList();
        Assert.Equal(2, await db.MediaBlobs.CountAsync(b => hashes.Contains(b.Hash)));
        var stored = await host.Get<IMediaBlobStore>().ReadAsync(avatar.Hash!, CancellationToken.None);
        Assert.Equal(ImageServer.Png(1), stored!.Bytes);

        var dto = await host.Get<ProfileService>().GetAsync(profile.Id, CancellationToken.None);
        Assert.Equal($"/media/{avatar.Hash}", dto!.AvatarCacheUrl);
        var posts = await host.Get<PostQueries>().ListAsync(profile.Id, new PostListQuery { PageSize = 10 }, CancellationToken.None);
        Assert.All(posts!.Items, p => Assert.StartsWith("/media/", p.CoverCacheUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pass_UrlWithANewSignature_KeepsTheCopyWithoutDownloading()
    {
        await using var host = Host();
        var profile = await InsertProfileAsync(null, _server.Url("/png/5?x-signature=one"));
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);
        var hits = _server.Hits("/png/5");

        await SetCoverAsync(profile.PostIds[0], _server.Url("/png/5?x-signature=two"));
        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(0, result.Marked);
        Assert.Equal(hits, _server.Hits("/png/5"));
        var reference = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaState.Cached, reference.State);
        Assert.EndsWith("x-signature=two", reference.SourceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pass_ChangedImage_DownloadsTheNewOneAndDropsTheOldBlob()
    {
        await using var host = Host();
        var profile = await InsertProfileAsync(null, _server.Url("/png/11"));
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        await SetCoverAsync(profile.PostIds[0], _server.Url("/png/12"));
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        var reference = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaHash.Of(ImageServer.Png(12)), reference.Hash);
        var oldHash = MediaHash.Of(ImageServer.Png(11));
        await using var db = database.CreateDbContext();
        Assert.False(await db.MediaBlobs.AnyAsync(b => b.Hash == oldHash));
    }

    [Fact]
    public async Task Pass_ImageOnALocalAddress_RefusedUnlessPrivateAddressesAreAllowed()
    {
        await using var host = new CoreHost(database, new Dictionary<string, string?> { ["SCRAPECREATORS_API_KEY"] = "not-simulated" });
        var profile = await InsertProfileAsync(null, _server.Url("/png/21"));

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(0, result.Stored);
        var cover = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaState.GaveUp, cover.State);
        Assert.Contains("private or local addresses", cover.LastError, StringComparison.Ordinal);
        Assert.Equal(0, _server.Hits("/png/21"));
    }

    [Fact]
    public async Task Pass_WebPageBehindAnImageUrl_RefusedAndNotStored()
    {
        await using var host = Host();
        var profile = await InsertProfileAsync(null, _server.Url("/page.png"), _server.Url("/to-file"));

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(0, result.Stored);
        var page = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaState.GaveUp, page.State);
        Assert.Null(page.Hash);
        Assert.Contains("Not an image", page.LastError, StringComparison.Ordinal);
        var redirect = await ReferenceOfPostAsync(profile.PostIds[1]);
        Assert.Equal(MediaState.GaveUp, redirect.State);
        Assert.Contains("non-http(s)", redirect.LastError, StringComparison.Ordinal);
        var pageHash = MediaHash.Of("<html><body>not an image</body></html>"u8);
        await using var db = database.CreateDbContext();
        Assert.False(await db.MediaBlobs.AnyAsync(b => b.Hash == pageHash));
    }

    [Fact]
    public async Task Pass_EndlessFile_CutOffAtTheCapAndNotStored()
    {
        await using var host = Host(new() { ["Media:MaxBytes"] = "65536" });
        var profile = await InsertProfileAsync(null, _server.Url("/endless.png"), _server.Url("/png/21"));

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(1, result.Stored);
        var endless = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaState.GaveUp, endless.State);
        Assert.Contains("Larger than 65536 bytes", endless.LastError, StringComparison.Ordinal);
        Assert.Null(endless.Hash);
    }

    [Fact]
    public async Task Pass_HangingResponse_TimesOutWithoutBlockingTheOthers()
    {
        await using var host = Host(new() { ["Media:Timeout"] = "00:00:01", ["Media:Concurrency"] = "2" });
        var profile = await InsertProfileAsync(null, _server.Url("/hang.png"), _server.Url("/png/31"), _server.Url("/png/32"), _server.Url("/png/33"));
        var clock = Stopwatch.StartNew();

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The pass took {clock.Elapsed}");
        Assert.Equal(3, result.Stored);
        Assert.Equal(1, result.Failed);
        var hang = await ReferenceOfPostAsync(profile.PostIds[0]);
        Assert.Equal(MediaState.Pending, hang.State);
        Assert.Equal(1, hang.Attempts);
        Assert.NotNull(hang.NextAttemptAt);
        Assert.Contains("Timed out", hang.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pass_ManyImages_NeverMoreDownloadsAtOnceThanTheLimit()
    {
        await using var host = Host(new() { ["Media:Concurrency"] = "3" });
        await InsertProfileAsync(null, [.. Enumerable.Range(0, 12).Select(i => _server.Url($"/slow/{i}"))]);

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(12, result.Stored);
        Assert.InRange(_server.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task Pass_ServerError_RetriedWithBackoffThenGivenUp()
    {
        await using var host = Host(new() { ["Media:MaxAttempts"] = "2", ["Media:RetryDelay"] = "00:00:00" });
        var profile = await InsertProfileAsync(null, _server.Url("/error"));

        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);
        var afterFirst = await ReferenceOfPostAsync(profile.PostIds[0]);
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);
        var afterSecond = await ReferenceOfPostAsync(profile.PostIds[0]);
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(MediaState.Pending, afterFirst.State);
        Assert.Equal(MediaState.GaveUp, afterSecond.State);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Equal("HTTP 500.", afterSecond.LastError);
        Assert.Equal(2, _server.Hits("/error"));
    }

    [Fact]
    public async Task DeleteProfile_RemovesItsBlobsButKeepsSharedOnes()
    {
        await using var host = Host();
        var doomed = await InsertProfileAsync(_server.Url("/png/41"), _server.Url("/png/42"), _server.Url("/png/43"));
        var kept = await InsertProfileAsync(null, _server.Url("/png/43?another=owner"));
        await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);
        var store = host.Get<IMediaBlobStore>();
        Assert.NotNull(await store.ReadAsync(MediaHash.Of(ImageServer.Png(41)), CancellationToken.None));

        await using (var db = database.CreateDbContext())
        {
            await db.Profiles.Where(p => p.Id == doomed.Id).ExecuteDeleteAsync();
        }

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(2, result.Removed);
        Assert.Null(await store.ReadAsync(MediaHash.Of(ImageServer.Png(41)), CancellationToken.None));
        Assert.Null(await store.ReadAsync(MediaHash.Of(ImageServer.Png(42)), CancellationToken.None));
        Assert.NotNull(await store.ReadAsync(MediaHash.Of(ImageServer.Png(43)), CancellationToken.None));
        Assert.Equal(MediaState.Cached, (await ReferenceOfPostAsync(kept.PostIds[0])).State);
        if (database is SqliteDatabase sqlite)
        {
            var folder = Path.Combine(sqlite.DataDirectory, "media");
            var hash = MediaHash.Of(ImageServer.Png(41));
            Assert.False(File.Exists(Path.Combine(folder, hash[..2], hash)));
            hash = MediaHash.Of(ImageServer.Png(43));
            Assert.True(File.Exists(Path.Combine(folder, hash[..2], hash)));
        }
    }

    [Fact]
    public async Task Pass_Disabled_DownloadsNothing()
    {
        await using var host = Host(new() { ["Media:Enabled"] = "false" });
        var profile = await InsertProfileAsync(_server.Url("/png/51"));

        var result = await host.Get<MediaCache>().RunPassAsync(CancellationToken.None);

        Assert.Equal(0, result.Stored);
        Assert.Equal(0, _server.Hits("/png/51"));
        await using var db = database.CreateDbContext();
        Assert.False(await db.MediaReferences.AnyAsync(r => r.ProfileId == profile.Id));
        // The next test's pass would find this avatar on a server that is gone.
        await db.Profiles.Where(p => p.Id == profile.Id).ExecuteDeleteAsync();
    }

    private CoreHost Host(Dictionary<string, string?>? settings = null) =>
        new(database, new Dictionary<string, string?>(settings ?? []) { ["SCRAPECREATORS_API_KEY"] = "not-simulated", ["Media:AllowPrivateAddresses"] = "true" });

    private async Task<MediaReference> ReferenceOfPostAsync(long postId)
    {
        await using var db = database.CreateDbContext();
        return await db.MediaReferences.AsNoTracking().SingleAsync(r => r.PostId == postId);
    }

    private async Task SetCoverAsync(long postId, string url)
    {
        await using var db = database.CreateDbContext();
        await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CoverUrl, url));
    }

    private async Task<(Guid Id, List<long> PostIds)> InsertProfileAsync(string? avatarUrl, params string[] coverUrls)
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = $"media{Guid.NewGuid():N}"[..20], AvatarUrl = avatarUrl, CreatedAt = now, UpdatedAt = now };
        var posts = coverUrls.Select(url => new TiktokPost
        {
            ProfileId = profile.Id,
            AwemeId = $"{Random.Shared.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}",
            CoverUrl = url,
            Metrics = new PostMetrics(Views: 1, null, null, null, null),
            FirstSeenAt = now,
            LastSeenAt = now,
        }).ToList();
        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
        return (profile.Id, [.. posts.Select(p => p.Id)]);
    }
}

public sealed class MediaCachePostgresTests(PostgresDatabase database) : MediaCacheTests<PostgresDatabase>(database);

public sealed class MediaCacheSqliteTests(SqliteDatabase database) : MediaCacheTests<SqliteDatabase>(database);
