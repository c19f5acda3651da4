using Bunit;
using Monitor.Core.Catalog;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Media;
namespace Monitor.Tests.Media;

/// <summary>Covers and avatars: the cached copy first, the original when there is none or it fails, then a placeholder.</summary>
public sealed class MediaComponentTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void PostCover_Cached_ShowsTheCachedCopyThenTheOriginalThenAPlaceholder()
    {
        var cover = _context.Bunit.Render<PostCover>(p => p
            .Add(x => x.Src, "https://cdn.example.invalid/a.jpeg")
            .Add(x => x.CachedSrc, "/media/abc"));

        Assert.Equal("/media/abc", cover.Find("img").GetAttribute("src"));
        cover.Find("img").TriggerEvent("onerror", EventArgs.Empty);
        Assert.Equal("https://cdn.example.invalid/a.jpeg", cover.Find("img").GetAttribute("src"));
        cover.Find("img").TriggerEvent("onerror", EventArgs.Empty);
        Assert.Empty(cover.FindAll("img"));
        Assert.NotNull(cover.Find(".post-cover-missing"));
    }

    [Fact]
    public void PostCover_NotCached_ShowsTheOriginal_NoUrl_ShowsThePlaceholder()
    {
        var original = _context.Bunit.Render<PostCover>(p => p.Add(x => x.Src, "https://cdn.example.invalid/b.jpeg"));
        var none = _context.Bunit.Render<PostCover>(p => p.Add(x => x.Src, null));

        Assert.Equal("https://cdn.example.invalid/b.jpeg", original.Find("img").GetAttribute("src"));
        Assert.NotNull(none.Find(".post-cover-missing"));
    }

    [Fact]
    public void ProfileAvatar_Cached_ShowsTheCachedCopy_FailingShowsTheInitial()
    {
        var profile = Profile("https://cdn.example.invalid/avatar.jpeg") with { AvatarCacheUrl = "/media/def" };
        var avatar = _context.Bunit.Render<ProfileAvatar>(p => p.Add(x => x.Profile, profile));

        Assert.Equal("/media/def", avatar.Find("img").GetAttribute("src"));
        avatar.Find("img").TriggerEvent("onerror", EventArgs.Empty);
        avatar.Find("img").TriggerEvent("onerror", EventArgs.Empty);
        Assert.Empty(avatar.FindAll("img"));
        Assert.Contains("M", avatar.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAvatar_NotCached_ShowsTheOriginal()
    {
        var avatar = _context.Bunit.Render<ProfileAvatar>(p => p.Add(x => x.Profile, Profile("https://cdn.example.invalid/x.jpeg")));

        Assert.Equal("https://cdn.example.invalid/x.jpeg", avatar.Find("img").GetAttribute("src"));
    }

    private static ProfileDto Profile(string? avatarUrl)
    {
        var now = DateTime.UtcNow;
        return new ProfileDto(Guid.NewGuid(), "mediacreator", null, null, "Media Creator", avatarUrl, null, false, null, null,
            false, 24, null, null, 0, PostMetrics.From(_ => 0), now, now);
    }
}
