using Microsoft.EntityFrameworkCore;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Data;

/// <summary>
/// Written once, run on both providers: the abstract class holds the tests, and each one-line subclass below
/// binds it to a database fixture (a fresh database per subclass, migrated on first use).
/// </summary>
public abstract class ProfileCascadeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DeleteProfile_WithPostsHistoryAndLogs_RemovesThemAll()
    {
        var profileId = await InsertProfileWithChildrenAsync();
        var other = await InsertProfileWithChildrenAsync();

        await using (var db = database.CreateDbContext())
        {
            db.Profiles.Remove(await db.Profiles.SingleAsync(p => p.Id == profileId));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateDbContext();
        Assert.False(await check.Profiles.AnyAsync(p => p.Id == profileId));
        Assert.False(await check.Posts.AnyAsync(p => p.ProfileId == profileId));
        Assert.False(await check.PostMetricsHistory.AnyAsync(h => h.Post!.ProfileId == profileId));
        Assert.Equal(1, await check.PostMetricsHistory.CountAsync());
        Assert.False(await check.Runs.AnyAsync(l => l.ProfileId == profileId));
        Assert.False(await check.ProfileMetricsHistory.AnyAsync(h => h.ProfileId == profileId));
        Assert.Equal(2, await check.Posts.CountAsync(p => p.ProfileId == other));
        Assert.Equal(1, await check.Runs.CountAsync(l => l.ProfileId == other));
        Assert.Equal(1, await check.ProfileMetricsHistory.CountAsync(h => h.ProfileId == other));
    }

    private async Task<Guid> InsertProfileWithChildrenAsync()
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = $"creator{Guid.NewGuid():N}"[..24], CreatedAt = now, UpdatedAt = now };
        var posts = Enumerable.Range(0, 2).Select(i => new TiktokPost
        {
            ProfileId = profile.Id,
            AwemeId = $"{Random.Shared.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}",
            Metrics = new PostMetrics(Views: 100 * i, null, null, null, null),
            FirstSeenAt = now,
            LastSeenAt = now,
        }).ToList();

        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        db.Posts.AddRange(posts);
        db.Runs.Add(new MonitoringRun
        {
            ProfileId = profile.Id,
            Status = MonitoringStatus.Completed,
            Trigger = MonitoringTrigger.Manual,
            CreatedAt = now,
            ScheduledFor = now,
        });
        db.ProfileMetricsHistory.Add(new ProfileMetricsHistory { ProfileId = profile.Id, TotalPosts = 2, RecordedAt = now });
        await db.SaveChangesAsync();
        await PostHistoryWriter.RecordAsync(db, [new TikTokPostMetricsHistory { Post = posts[0], Metrics = new PostMetrics(Views: 100, null, null, null, null), RecordedAt = now }]);
        return profile.Id;
    }
}

public sealed class PostgresProfileCascadeTests(PostgresDatabase database) : ProfileCascadeTests<PostgresDatabase>(database);

public sealed class SqliteProfileCascadeTests(SqliteDatabase database) : ProfileCascadeTests<SqliteDatabase>(database);
