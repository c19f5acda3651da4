using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Media;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Security;

namespace Monitor.Tests.Media;

/// <summary><c>/media/{hash}</c> over HTTP through the real app, on both databases: sign-in, caching headers, 304, 404, 400.</summary>
public abstract class MediaEndpointsTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Admin = "media-admin";
    private const string Password = "media-admin-password-1";
    private MonitorAppFactory _app = default!;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_ADMIN_USER"] = Admin,
            ["MONITOR_ADMIN_PASSWORD"] = Password,
        });
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_StoredImage_ServedWithImmutableCachingAndEtag_304OnRevalidation()
    {
        var hash = await StoreReferencedImageAsync(ImageServer.Png(7));
        using var client = AccountClient.For(_app);
        await client.SignInAsync(Admin, Password);

        var response = await client.GetAsync($"/media/{hash}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ImageServer.Png(7), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal($"\"{hash}\"", response.Headers.ETag?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri($"/media/{hash}", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{hash}\""));
        var notModified = await client.Http.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{hash}\"", notModified.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Get_UnknownHash_404_MalformedHash_400()
    {
        using var client = AccountClient.For(_app);
        await client.SignInAsync(Admin, Password);

        var unknown = await client.GetAsync($"/media/{new string('a', 64)}");
        var malformed = await client.GetAsync("/media/not-a-hash");
        var upperCase = await client.GetAsync($"/media/{new string('A', 64)}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, upperCase.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        var hash = await StoreReferencedImageAsync(ImageServer.Png(8));
        using var client = AccountClient.For(_app);

        var response = await client.GetAsync($"/media/{hash}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>
    /// Referenced by a profile's avatar, then stored, so the app's own media pass keeps it: stored first, it was an
    /// orphan until the reference was committed, and a pass running then removed it (seen in CI: 404).
    /// </summary>
    private async Task<string> StoreReferencedImageAsync(byte[] bytes)
    {
        var hash = MediaHash.Of(bytes);
        var now = DateTime.UtcNow;
        var url = $"https://cdn.example.invalid/{hash}.png";
        var profile = new TiktokProfile { Handle = $"media{Guid.NewGuid():N}"[..20], AvatarUrl = url, CreatedAt = now, UpdatedAt = now };
        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        db.MediaReferences.Add(new MediaReference
        {
            Kind = MediaKind.Avatar,
            ProfileId = profile.Id,
            SourceUrl = url,
            State = MediaState.Cached,
            Hash = hash,
            ContentType = "image/png",
            Size = bytes.Length,
            FetchedAt = now,
        });
        await db.SaveChangesAsync();
        await _app.Services.GetRequiredService<IMediaBlobStore>().SaveAsync(hash, "image/png", bytes, CancellationToken.None);
        return hash;
    }
}

public sealed class MediaEndpointsPostgresTests(PostgresDatabase database) : MediaEndpointsTests<PostgresDatabase>(database);

public sealed class MediaEndpointsSqliteTests(SqliteDatabase database) : MediaEndpointsTests<SqliteDatabase>(database);
