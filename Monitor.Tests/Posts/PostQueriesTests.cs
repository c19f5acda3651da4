using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts;

public abstract class PostQueriesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly CommandCounter _commands = new();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        await db.Profiles.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListAsync_WithHistory_UsesTheSameNumberOfQueriesForFiveOrSixtyPosts()
    {
        await using var host = new CoreHost(database, [], services => services
            .ConfigureDbContext<PostgresMonitorDbContext>(o => o.AddInterceptors(_commands))
            .ConfigureDbContext<SqliteMonitorDbContext>(o => o.AddInterceptors(_commands)));
        var small = await SeedAsync(host, "small_profile", posts: 5, runs: 3, firstId: 7_400_000_000_000_000_000);
        var large = await SeedAsync(host, "large_profile", posts: 60, runs: 3, firstId: 7_500_000_000_000_000_000);
        var queries = host.Get<PostQueries>();
        var query = new PostListQuery(PageSize: 100, HistoryDepth: PostListQuery.MaxHistoryDepth);

        _commands.Reset();
        var smallPage = await queries.ListAsync(small, query, CancellationToken.None);
        var smallCommands = _commands.Count;
        _commands.Reset();
        var largePage = await queries.ListAsync(large, query, CancellationToken.None);
        var largeCommands = _commands.Count;

        Assert.Equal(5, smallPage!.Items.Count);
        Assert.Equal(60, largePage!.Items.Count);
        Assert.All(largePage.Items, p => Assert.Equal(3, p.MetricsHistory!.Count));
        Assert.All(largePage.Items, p => Assert.True(p.MetricsHistory![0].RecordedAt > p.MetricsHistory[2].RecordedAt));
        Assert.Equal(smallCommands, largeCommands);
        // The profile check, the count, the rows, then per chunk of 100: history, cached covers and hashtags.
        Assert.InRange(largeCommands, 1, 6);
    }

    [Fact]
    public async Task ListAsync_MoreSnapshotsThanTheDepth_ReturnsOnlyTheNewest()
    {
        await using var host = new CoreHost(database, []);
        var profile = await SeedAsync(host, "deep_profile", posts: 2, runs: 35, firstId: 7_600_000_000_000_000_000);

        var page = await host.Get<PostQueries>().ListAsync(profile, new PostListQuery(HistoryDepth: 30), CancellationToken.None);

        Assert.All(page!.Items, p =>
        {
            Assert.Equal(30, p.MetricsHistory!.Count);
            Assert.Equal(35 * 10, p.MetricsHistory[0].Metrics.Views);
            Assert.Equal(6 * 10, p.MetricsHistory[^1].Metrics.Views);
        });
    }

    [Fact]
    public async Task OpenAsync_PageOfSeveralChunks_ProducesEveryPostInOrderWithItsHistory()
    {
        await using var host = new CoreHost(database, []);
        var profile = await SeedAsync(host, "chunked_profile", posts: PostPage.ChunkSize + 30, runs: 2, firstId: 7_700_000_000_000_000_000);
        var queries = host.Get<PostQueries>();

        await using var page = await queries.OpenAsync(profile, new PostListQuery(PageSize: 1_000, HistoryDepth: 5), CancellationToken.None);
        var items = new List<PostDto>();
        await foreach (var item in page!.Items)
        {
            items.Add(item);
        }

        Assert.Equal(PostPage.ChunkSize + 30, page.TotalCount);
        Assert.Equal(items.Select(p => p.Id).OrderDescending(), items.Select(p => p.Id));
        Assert.Equal(PostPage.ChunkSize + 30, items.Count);
        Assert.All(items, p => Assert.Equal([20L, 10L], p.MetricsHistory!.Select(h => h.Metrics.Views)));
        Assert.Null(await queries.OpenAsync(Guid.NewGuid(), new PostListQuery(), CancellationToken.None));
    }

    private static async Task<Guid> SeedAsync(CoreHost host, string handle, int posts, int runs, long firstId)
    {
        var now = DateTime.UtcNow;
        var profile = new Monitor.Core.Profiles.TiktokProfile { Handle = handle, CreatedAt = now, UpdatedAt = now };
        await using (var db = await host.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync())
        {
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
        }

        for (var run = 1; run <= runs; run++)
        {
            var snapshots = Enumerable.Range(0, posts)
                .Select(i => new PostSnapshot { AwemeId = (firstId + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Metrics = new(Views: run * 10L, null, null, null, null) })
                .ToList();
            await host.Get<PostIngestor>().IngestAsync(profile.Id, snapshots, now.AddMinutes(run), CancellationToken.None);
        }

        return profile.Id;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class PostgresPostQueriesTests(PostgresDatabase database) : PostQueriesTests<PostgresDatabase>(database);

public sealed class SqlitePostQueriesTests(SqliteDatabase database) : PostQueriesTests<SqliteDatabase>(database);
