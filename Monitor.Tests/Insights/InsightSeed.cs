using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Insights;

/// <summary>Profiles, posts and history written straight into a test database, for hand-computed insight figures.</summary>
internal sealed class InsightSeed(IDbContextFactory<MonitorDbContext> contextFactory)
{
    private static long _nextAwemeId = 7_300_000_000_000_000_000;

    public static DateTime Origin { get; } = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    public async Task<Guid> ProfileAsync(string handle)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = Origin, UpdatedAt = Origin };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>A post with its counters and optional history: (hours after posting, views) observations.</summary>
    public async Task<TiktokPost> PostAsync(
        Guid profileId, DateTime? postedAt, PostMetrics metrics, (double Hours, long? Views)[]? history = null, Action<TiktokPost>? configure = null)
    {
        var post = new TiktokPost
        {
            ProfileId = profileId,
            AwemeId = Interlocked.Increment(ref _nextAwemeId).ToString(CultureInfo.InvariantCulture),
            PostedAt = postedAt,
            Metrics = metrics,
            FirstSeenAt = Origin,
            LastSeenAt = Origin,
        };
        post.ShareUrl = $"https://www.tiktok.com/@seed/video/{post.AwemeId}";
        configure?.Invoke(post);
        await using var db = await contextFactory.CreateDbContextAsync();
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        await PostHistoryWriter.RecordAsync(db, (history ?? []).Select(h => new TikTokPostMetricsHistory
        {
            Post = post,
            Metrics = new PostMetrics(h.Views, null, null, null, null),
            RecordedAt = postedAt!.Value.AddHours(h.Hours),
        }));
        return post;
    }

    public static PostMetrics Counts(long? views, long? likes, long? comments, long? shares, long? saves = null) =>
        new(views, likes, shares, comments, saves);
}
