using Bunit;
using Monitor.Core.Catalog;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Web.Components.Pages.Profiles;
using MudBlazor;

namespace Monitor.Tests.Dashboard;

public sealed class PostsGridTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task PostsGrid_FirstLoad_ShowsNewestPostsFirstAndTheTotal()
    {
        var profile = await _context.AddProfileAsync("newest");
        var views = await _context.AddPostsAsync(profile.Id, 30);

        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile.Id));

        grid.WaitForAssertion(() => Assert.Equal(25, grid.FindAll("[data-testid=post-row]").Count), Deadline);
        // Post n was posted n days ago: the newest first is post 1 (100 views).
        Assert.Equal(100, views[RowIds(grid)[0]]);
        Assert.Contains("1-25 of 30", grid.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostsGrid_SortedByViewsDescendingOnSecondPage_ShowsThatSliceFromTheServer()
    {
        var profile = await _context.AddProfileAsync("sorted");
        var views = await _context.AddPostsAsync(profile.Id, 30);
        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile.Id));
        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("[data-testid=post-row]")), Deadline);
        var dataGrid = grid.FindComponent<MudDataGrid<PostDto>>().Instance;

        await grid.InvokeAsync(() => dataGrid.SetRowsPerPageAsync(10));
        await grid.InvokeAsync(() => dataGrid.SetSortAsync(nameof(PostMetrics.Views), SortDirection.Descending, p => p.Metrics.Views!));
        await grid.InvokeAsync(() => dataGrid.NavigateTo(Page.Next));

        // Views are n × 100 for n = 1..30: the second page of ten, most viewed first, is 2,000 down to 1,100.
        long[] expected = [2000, 1900, 1800, 1700, 1600, 1500, 1400, 1300, 1200, 1100];
        grid.WaitForAssertion(() => Assert.Equal(expected, RowIds(grid).Select(id => views[id]).ToArray()), Deadline);
        Assert.Contains("11-20 of 30", grid.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostsGrid_TwoSnapshots_ShowsChangeSincePrevious()
    {
        var profile = await _context.AddProfileAsync("growing");
        var views = await _context.AddPostsAsync(profile.Id, 1);
        var postId = views.Keys.Single();
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            await PostHistoryWriter.RecordAsync(db,
            [
                new TikTokPostMetricsHistory { PostId = postId, Metrics = new(Views: 50, Likes: 1, null, null, null), RecordedAt = DateTime.UtcNow.AddHours(-2) },
                new TikTokPostMetricsHistory { PostId = postId, Metrics = new(Views: 1_550, Likes: 1, null, null, null), RecordedAt = DateTime.UtcNow },
            ]);
        }

        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile.Id));

        grid.WaitForAssertion(() => Assert.Contains("+1.5K", grid.FindAll(".delta-up").Select(e => e.TextContent)), Deadline);
    }

    private static List<long> RowIds(IRenderedComponent<PostsGrid> grid) =>
        grid.FindAll("[data-testid=post-row]").Select(e => long.Parse(e.GetAttribute("data-post-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
