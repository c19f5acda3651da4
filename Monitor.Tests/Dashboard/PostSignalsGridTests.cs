using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Dashboard;

/// <summary>The posts grid's badges for the free signals and its filters, over real posts in SQLite.</summary>
public sealed class PostSignalsGridTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task PostsGrid_PostWithSignals_ShowsItsBadgesSoundAndHashtags()
    {
        var (profile, ids) = await SeedAsync("badges");

        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile));

        grid.WaitForAssertion(() => Assert.Equal(4, grid.FindAll("[data-testid=post-row]").Count), Deadline);
        var sponsored = Row(grid, ids["sponsored"]);
        Assert.Equal(["signal-paid-partnership", "signal-shop", "signal-sound"],
            sponsored.QuerySelectorAll("[data-testid^=signal-]").Select(e => e.GetAttribute("data-testid")!));
        Assert.Contains("https://shop.tiktok.com/view/product/1", sponsored.QuerySelector("[data-testid=signal-shop]")!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Original sound", sponsored.QuerySelector("[data-testid=signal-sound]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#dance", "#fyp"], sponsored.QuerySelectorAll("[data-testid=post-hashtag]").Select(e => e.TextContent.Trim()));
        var pinnedAd = Row(grid, ids["pinnedAd"]);
        Assert.NotNull(pinnedAd.QuerySelector("[data-testid=signal-pinned]"));
        Assert.NotNull(pinnedAd.QuerySelector("[data-testid=signal-ad]"));
        Assert.Contains("Summer Anthem", pinnedAd.QuerySelector("[data-testid=signal-sound]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Row(grid, ids["plain"]).QuerySelector("[data-testid=post-signals]"));
    }

    [Fact]
    public async Task PostsGrid_AdFilterChip_ShowsOnlyTheAdsThenClearShowsAll()
    {
        var (profile, ids) = await SeedAsync("filters");
        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile));
        grid.WaitForAssertion(() => Assert.Equal(4, grid.FindAll("[data-testid=post-row]").Count), Deadline);

        await grid.InvokeAsync(() => grid.Find("[data-testid=filter-ad]").Click());

        grid.WaitForAssertion(() => Assert.Equal([ids["pinnedAd"]], RowIds(grid)), Deadline);
        await grid.InvokeAsync(() => grid.Find("[data-testid=filter-clear]").Click());
        grid.WaitForAssertion(() => Assert.Equal(4, grid.FindAll("[data-testid=post-row]").Count), Deadline);
    }

    [Fact]
    public async Task PostsGrid_HashtagChipClicked_FiltersByThatTag()
    {
        var (profile, ids) = await SeedAsync("tags");
        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile));
        grid.WaitForAssertion(() => Assert.Equal(4, grid.FindAll("[data-testid=post-row]").Count), Deadline);

        await grid.InvokeAsync(() => Row(grid, ids["sponsored"]).QuerySelector("[data-testid=post-hashtag][data-tag=fyp]")!.Click());

        grid.WaitForAssertion(() => Assert.Equal([ids["sponsored"], ids["tagged"]], RowIds(grid).Order()), Deadline);
        var field = grid.Find("[data-testid=filter-hashtag]");
        Assert.Equal("#fyp", (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).GetAttribute("value"));
    }

    private async Task<(Guid Profile, Dictionary<string, long> Ids)> SeedAsync(string handle)
    {
        var profile = await _context.AddProfileAsync(handle);
        var ids = await _context.AddPostsAsync(profile.Id, 4);
        var byAge = ids.Keys.Order().ToList();
        var names = new Dictionary<string, long> { ["sponsored"] = byAge[0], ["pinnedAd"] = byAge[1], ["tagged"] = byAge[2], ["plain"] = byAge[3] };
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        await db.Posts.Where(p => p.Id == names["sponsored"]).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.IsPaidPartnership, true).SetProperty(p => p.HasShopProduct, true)
            .SetProperty(p => p.ShopProductUrl, "https://shop.tiktok.com/view/product/1")
            .SetProperty(p => p.SoundId, "7900000000000000001").SetProperty(p => p.SoundTitle, "original sound - x").SetProperty(p => p.SoundIsOriginal, true));
        await db.Posts.Where(p => p.Id == names["pinnedAd"]).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.IsPinned, true).SetProperty(p => p.IsAd, true)
            .SetProperty(p => p.SoundId, "7900000000000000002").SetProperty(p => p.SoundTitle, "Summer Anthem").SetProperty(p => p.SoundIsOriginal, false));
        db.PostHashtags.AddRange(
            new TiktokPostHashtag { PostId = names["sponsored"], Tag = "fyp" },
            new TiktokPostHashtag { PostId = names["sponsored"], Tag = "dance" },
            new TiktokPostHashtag { PostId = names["tagged"], Tag = "fyp" });
        await db.SaveChangesAsync();
        return (profile.Id, names);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<PostsGrid> grid, long postId) =>
        grid.FindAll("tr").Single(r => r.QuerySelector($"[data-testid=post-row][data-post-id='{postId}']") is not null);

    private static List<long> RowIds(IRenderedComponent<PostsGrid> grid) =>
        grid.FindAll("[data-testid=post-row]").Select(e => long.Parse(e.GetAttribute("data-post-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
