using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

/// <summary>Spans written before their month's partition existed (so into the default one) move into it when it is created.</summary>
public sealed class HistoryDefaultPartitionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task EnsureAhead_DefaultPartitionHoldsSpansOfTheNewMonth_MovesThemIntoIt()
    {
        await database.MigrateAsync();
        long postId;
        await using (var db = database.CreateDbContext())
        {
            var at = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var profile = new TiktokProfile { Handle = "early", CreatedAt = at, UpdatedAt = at };
            db.Profiles.Add(profile);
            await db.SaveChangesAsync();
            var post = new TiktokPost { AwemeId = "7400000000000000077", ProfileId = profile.Id, FirstSeenAt = at, LastSeenAt = at };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            postId = post.Id;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO tiktok_post_history (post_id, first_at, views, repeats) VALUES
                ({postId}, '2031-02-03 10:00:00+00', 5, ARRAY[60000]), ({postId}, '2031-03-20 10:00:00+00', 6, NULL), ({postId}, '2031-06-01 00:00:00+00', 7, NULL)
                """);
        }

        var maintainer = new HistoryPartitionMaintainer(
            database.ContextFactory, Options.Create(new HistoryOptions()), new FakeTimeProvider(new DateTimeOffset(2031, 2, 10, 0, 0, 0, TimeSpan.Zero)));
        await maintainer.EnsureAheadAsync(CancellationToken.None);

        Assert.Equal(["2031-02-03 10:00|tiktok_post_history_2031_02", "2031-03-20 10:00|tiktok_post_history_2031_03", "2031-06-01 00:00|tiktok_post_history_default"],
            await WhereAsync(postId));
        await using var check = database.CreateDbContext();
        Assert.Equal(3, await check.PostMetricsHistory.CountAsync(h => h.PostId == postId && h.Metrics.Views != 7)); // the repeat kept
    }

    private async Task<List<string>> WhereAsync(long postId)
    {
        await using var db = database.CreateDbContext();
        return await db.Database.SqlQuery<string>($"""
            SELECT to_char(first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || '|' || tableoid::regclass::text AS "Value"
            FROM tiktok_post_history WHERE post_id = {postId} ORDER BY first_at
            """).ToListAsync();
    }
}
