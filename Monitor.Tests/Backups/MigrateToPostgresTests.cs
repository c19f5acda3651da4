using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Backups;

/// <summary><c>migrate-to</c> run as a process: a seeded SQLite installation moved into a fresh PostgreSQL database, then the same figures read from both.</summary>
public sealed class MigrateToPostgresTests(SqliteDatabase source, PostgresDatabase target)
    : IClassFixture<SqliteDatabase>, IClassFixture<PostgresDatabase>
{
    // PostgreSQL keeps microseconds, SQLite 100-nanosecond ticks: a seed on whole microseconds compares exactly.
    private static readonly DateTime Origin = new(2026, 3, 2, 12, 0, 0, 123, 456, DateTimeKind.Utc);

    [Fact]
    public async Task MigrateTo_SeededSqlite_MovesEveryRowAndServesTheSameFigures()
    {
        await source.MigrateAsync();
        await BackupSeed.SeedAsync(source.ContextFactory, profiles: 10, postsPerProfile: 300, historyPerPost: 4, Origin);

        var (exitCode, output, errors) = await AppCommand.RunAsync(source.Configuration, null, "migrate-to", target.ConnectionString);

        Assert.True(exitCode == 0, $"migrate-to exited with {exitCode}: {output}{errors}");
        Assert.Contains("every count equal", output, StringComparison.Ordinal);
        Assert.Matches(@"tiktok_posts\s+3000\s+3000", output);
        Assert.Matches(@"tiktok_post_history\s+9000\s+9000", output);
        Assert.Matches(@"tiktok_post_history_open\s+3000\s+3000", output);
        Assert.DoesNotContain("MISMATCH", output, StringComparison.Ordinal);
        Assert.Equal(await FiguresAsync(source.ContextFactory), await FiguresAsync(target.ContextFactory));
        await using var moved = target.CreateDbContext();
        Assert.Empty(await moved.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateTo_TargetWithData_IsRefusedAndChangesNothing()
    {
        await source.MigrateAsync();
        var filled = new PostgresDatabase();
        await filled.InitializeAsync();
        try
        {
            await filled.MigrateAsync();
            await using (var db = filled.CreateDbContext())
            {
                db.Profiles.Add(new TiktokProfile { Handle = "already-here", CreatedAt = Origin, UpdatedAt = Origin });
                await db.SaveChangesAsync();
            }

            var (exitCode, _, errors) = await AppCommand.RunAsync(source.Configuration, null, "migrate-to", filled.ConnectionString);

            Assert.Equal(1, exitCode);
            Assert.Contains("migrate-to: refused: The target database is not empty: tiktok_profiles (1 rows)", errors, StringComparison.Ordinal);
            await using var check = filled.CreateDbContext();
            Assert.Equal(["already-here"], await check.Profiles.Select(p => p.Handle).ToListAsync());
        }
        finally
        {
            await filled.DisposeAsync();
        }
    }

    /// <summary>What the dashboard shows, read by the app's own queries: every profile's posts (counts, metrics, history) and its totals series.</summary>
    private static async Task<string> FiguresAsync(IDbContextFactory<MonitorDbContext> factory)
    {
        var posts = new PostQueries(factory, Options.Create(new QualityOptions()));
        var history = new ProfileHistoryQueries(factory);
        List<(string Handle, Guid Id)> profiles;
        await using (var db = await factory.CreateDbContextAsync())
        {
            profiles = (await db.Profiles.Select(p => new { p.Handle, p.Id }).ToListAsync()).Select(p => (p.Handle, p.Id)).OrderBy(p => p.Handle, StringComparer.Ordinal).ToList();
        }

        var figures = new List<object>();
        foreach (var (handle, id) in profiles)
        {
            var page = await posts.ListAsync(id, new PostListQuery(PageSize: 1000, HistoryDepth: 5), CancellationToken.None);
            var totals = await history.TotalsSinceAsync(id, null, CancellationToken.None);
            var firstPost = page!.Items.OrderBy(p => p.AwemeId, StringComparer.Ordinal).First();
            figures.Add(new { handle, page.TotalCount, page.Items, totals, series = await posts.HistoryAsync(firstPost.Id, CancellationToken.None) });
        }

        Assert.Equal(10, figures.Count);
        return JsonSerializer.Serialize(figures);
    }
}
