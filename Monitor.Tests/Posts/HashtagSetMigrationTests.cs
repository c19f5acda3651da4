using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts;

/// <summary>
/// The migration <c>PostHashtagSets</c> on a database that already has hashtag rows: each post's set is filled in from
/// them, and the triggers it adds keep the rows in step with the set from then on.
/// </summary>
public abstract class HashtagSetMigrationTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Upgrade_PostsWithHashtagRows_GetTheirSetAndTheTriggersKeepTheRowsInStep()
    {
        await using var database = new TDatabase();
        await database.InitializeAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("FreeSignals");
        }

        var profile = new TiktokProfile { Handle = "upgraded", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using (var db = database.CreateDbContext())
        {
            // Written as the FreeSignals schema has it: the entity of today has columns that schema lacks.
            object profileId = database.Provider == DatabaseProvider.Postgres ? profile.Id : profile.Id.ToString().ToUpperInvariant();
            var now = DateTime.UtcNow;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO tiktok_profiles (id, handle, verified, monitoring_enabled, monitoring_interval_hours, scan_mode, account_state, "
                + "exclude_unseen_posts, total_posts, total_views, total_likes, total_shares, total_comments, total_saves, created_at, updated_at) "
                + "VALUES ({0}, {1}, FALSE, FALSE, 24, 'full', 'active', FALSE, 0, 0, 0, 0, 0, 0, {2}, {2})", profileId, profile.Handle, now);
            foreach (var aweme in new[] { "7000000000000000001", "7000000000000000002" })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO tiktok_posts (profile_id, aweme_id, first_seen_at, last_seen_at) VALUES ({0}, {1}, {2}, {2})", profileId, aweme, now);
            }

            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO tiktok_post_hashtags (post_id, tag) SELECT id, t.tag FROM tiktok_posts, (SELECT 'fyp' AS tag UNION ALL SELECT 'dance') t WHERE aweme_id = '7000000000000000001'");
        }

        await database.MigrateAsync();

        await using (var db = database.CreateDbContext())
        {
            var posts = await db.Posts.AsNoTracking().OrderBy(p => p.AwemeId).ToListAsync();
            Assert.Equal(["dance", "fyp"], JsonSerializer.Deserialize<string[]>(posts[0].HashtagsJson!) ?? []);
            Assert.Null(posts[1].HashtagsJson);

            // From now on the set leads: a changed set replaces the rows, one reported for the first time adds them.
            await db.Database.ExecuteSqlRawAsync("""UPDATE tiktok_posts SET hashtags_json = '["fyp","new"]' WHERE aweme_id = '7000000000000000001'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE tiktok_posts SET hashtags_json = '["solo"]' WHERE aweme_id = '7000000000000000002'""");
            var rows = await db.Set<Monitor.Core.Posts.TiktokPostHashtag>().AsNoTracking()
                .Select(h => new { h.Post!.AwemeId, h.Tag }).ToListAsync();
            Assert.Equal(
                [("7000000000000000001", "fyp"), ("7000000000000000001", "new"), ("7000000000000000002", "solo")],
                rows.Select(r => (r.AwemeId, r.Tag)).Order());
        }
    }
}

public sealed class PostgresHashtagSetMigrationTests : HashtagSetMigrationTests<PostgresDatabase>;

public sealed class SqliteHashtagSetMigrationTests : HashtagSetMigrationTests<SqliteDatabase>;
