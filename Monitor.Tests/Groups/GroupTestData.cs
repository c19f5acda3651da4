using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audience;
using Monitor.Core.Credits;
using Monitor.Core.Groups;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Groups;

/// <summary>Seeds profiles, posts, totals history and ledger rows straight into a test database, with the values the tests compute by hand.</summary>
internal static class GroupTestData
{
    private static long _nextAwemeId = 7_100_000_000_000_000_000;

    public static async Task ResetAsync(TestDatabase database)
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        await db.ProfileGroups.ExecuteDeleteAsync();
        await db.Set<CreditLedgerEntry>().ExecuteDeleteAsync();
        await db.Profiles.ExecuteDeleteAsync();
    }

    public static async Task<Guid> ProfileAsync(TestDatabase database, string handle)
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = handle, Nickname = handle.ToUpperInvariant(), CreatedAt = now, UpdatedAt = now };
        await using var db = database.CreateDbContext();
        db.Profiles.Add(profile);
        // Watched by the first workspace, as the app's own add does: a group holds only its workspace's profiles.
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = profile.Id, AddedAt = now });
        await db.SaveChangesAsync();
        return profile.Id;
    }

    public static async Task<long> PostAsync(TestDatabase database, Guid profileId, DateTime postedAtUtc, long? views)
    {
        var awemeId = Interlocked.Increment(ref _nextAwemeId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var post = new TiktokPost
        {
            ProfileId = profileId,
            AwemeId = awemeId,
            PostedAt = postedAtUtc,
            ShareUrl = $"https://www.tiktok.com/@x/video/{awemeId}",
            CoverUrl = $"https://example.invalid/{awemeId}.jpeg",
            Metrics = new PostMetrics(views, null, null, null, null),
            FirstSeenAt = postedAtUtc,
            LastSeenAt = postedAtUtc,
        };
        await using var db = database.CreateDbContext();
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }

    public static async Task<long> EngagedPostAsync(TestDatabase database, Guid profileId, DateTime postedAtUtc, long views, long likes, long comments, long shares,
        params (TimeSpan Age, long Views)[] history)
    {
        var awemeId = Interlocked.Increment(ref _nextAwemeId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var post = new TiktokPost
        {
            ProfileId = profileId,
            AwemeId = awemeId,
            PostedAt = postedAtUtc,
            Metrics = new PostMetrics(views, likes, shares, comments, 0),
            FirstSeenAt = postedAtUtc,
            LastSeenAt = postedAtUtc,
        };
        await using var db = database.CreateDbContext();
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        await PostHistoryWriter.RecordAsync(db, history.Select(h => new TikTokPostMetricsHistory
        {
            PostId = post.Id,
            RecordedAt = postedAtUtc + h.Age,
            Metrics = new PostMetrics(h.Views, null, null, null, null),
        }));
        return post.Id;
    }

    public static async Task FollowersAsync(TestDatabase database, Guid profileId, params (DateTime At, long Followers)[] counts)
    {
        await using var db = database.CreateDbContext();
        db.AccountHistory.AddRange(counts.Select(c => new ProfileAccountSnapshot
        {
            ProfileId = profileId,
            RecordedAt = c.At,
            FollowerCount = c.Followers,
            Source = AccountSnapshotSource.FeedAuthor,
        }));
        await db.SaveChangesAsync();
    }

    public static async Task TotalsAsync(TestDatabase database, Guid profileId, DateTime recordedAtUtc, long totalViews, bool suspect = false)
    {
        await using var db = database.CreateDbContext();
        long? runId = null;
        if (suspect)
        {
            var log = new MonitoringRun
            {
                ProfileId = profileId,
                Status = MonitoringStatus.Completed,
                CreatedAt = recordedAtUtc,
                ScheduledFor = recordedAtUtc,
                CompletedAt = recordedAtUtc,
                SuspectReason = SuspectReason.CountersDropped,
            };
            db.Runs.Add(log);
            await db.SaveChangesAsync();
            runId = log.Id;
        }

        db.ProfileMetricsHistory.Add(new ProfileMetricsHistory
        {
            ProfileId = profileId,
            MonitoringLogId = runId,
            RecordedAt = recordedAtUtc,
            Totals = PostMetrics.From(m => m.Name == nameof(PostMetrics.Views) ? totalViews : 0),
        });
        await db.SaveChangesAsync();
    }

    public static async Task CreditsAsync(TestDatabase database, Guid profileId, DateOnly day, int credits)
    {
        await using var db = database.CreateDbContext();
        db.Set<CreditLedgerEntry>().Add(new CreditLedgerEntry
        {
            At = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            Day = day,
            ProfileId = profileId,
            Endpoint = "/v3/tiktok/profile/videos",
            StatusCode = 200,
            Credits = credits,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> GroupAsync(CoreHost host, string name, params (Guid ProfileId, bool Own)[] members)
    {
        var created = await host.Get<GroupService>().CreateAsync(name, null, CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);
        foreach (var (profileId, own) in members)
        {
            var put = await host.Get<GroupMembership>().PutAsync(created.Group!.Id, profileId, own, CancellationToken.None);
            Assert.True(put.Succeeded, put.Message);
        }

        return created.Group!.Id;
    }
}
