using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Notifications.Policies;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Runs;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// After a completed run, for each workspace watching the profile by that workspace's thresholds: growth alerts (each
/// post's snapshot of this run against its previous one) and breakouts (a young post against the profile's other posts
/// at the same age), through the pure policies. A post alerts once per workspace and threshold (a <see cref="PostAlert"/>
/// row each). Only when a channel of the workspace wants these events, and at most <see cref="MaxAlertsPerRun"/> of each
/// kind a run and workspace (the largest first), so a viral day is not a flood. <c>channels</c> are the enabled ones.
/// </summary>
internal static class GrowthDetector
{
    public const int MaxAlertsPerRun = 5;

    /// <summary>Posts older than this are never a breakout's peers: their early snapshots say little about today's audience.</summary>
    private static readonly TimeSpan PeerWindow = TimeSpan.FromDays(180);

    public static async Task<IReadOnlyList<(Guid? ChannelWorkspaceId, NotificationMessage Message)>> DetectAsync(MonitorDbContext db,
        RunNotificationEvent run, DateTime runStartedAt, string handle, IReadOnlyList<AlertAudience> audiences, IReadOnlyList<NotificationChannel> channels,
        DateTime now, CancellationToken cancellationToken)
    {
        var wanting = audiences.Select(a => (Audience: a, Wanted: channels.Where(a.Hears).Aggregate(NotificationEvents.None, (all, c) => all | c.Events)))
            .Where(a => a.Wanted.HasFlag(NotificationEvents.Growth) || a.Wanted.HasFlag(NotificationEvents.Breakout)).ToList();
        if (wanting.Count == 0)
        {
            return [];
        }

        var from = runStartedAt - GrowthAlertPolicy.Window;
        var points = await Snapshots(db, run.ProfileId, from, run.OccurredAt).ToListAsync(cancellationToken);
        var byPost = points.GroupBy(p => p.PostId).Select(g => new
        {
            Current = g.Where(p => p.RecordedAt >= runStartedAt).MaxBy(p => p.RecordedAt),
            Previous = g.Where(p => p.RecordedAt < runStartedAt).MaxBy(p => p.RecordedAt),
        }).Where(p => p.Current is not null).Select(p => (Current: p.Current!, p.Previous)).ToList();
        var ids = byPost.Select(p => p.Current.PostId).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ShareUrl, p.PostedAt }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var workspaceIds = wanting.Select(a => a.Audience.WorkspaceId).ToList();
        var alerted = (await db.PostAlerts.AsNoTracking().Where(a => ids.Contains(a.PostId) && workspaceIds.Contains(a.WorkspaceId))
            .Select(a => new { a.WorkspaceId, a.PostId, a.Kind, a.Threshold }).ToListAsync(cancellationToken))
            .Select(a => (a.WorkspaceId, a.PostId, a.Kind, a.Threshold)).ToHashSet();
        var young = byPost.Select(p => p.Current)
            .Where(c => posts.GetValueOrDefault(c.PostId)?.PostedAt is { } posted && c.RecordedAt - posted < BreakoutPolicy.MaxAge && c.RecordedAt >= posted)
            .ToList();
        List<(DateTime PostedAt, SnapshotPoint Point)>? peers = null;

        var messages = new List<(Guid?, NotificationMessage)>();
        foreach (var (audience, wanted) in wanting)
        {
            var thresholds = audience.Thresholds;
            bool Alerted(long postId, NotificationKind kind, string key) => alerted.Contains((audience.WorkspaceId, postId, kind, key));
            if (wanted.HasFlag(NotificationEvents.Growth))
            {
                var rises = byPost
                    .Where(p => p.Previous is not null && !Alerted(p.Current.PostId, NotificationKind.Growth, thresholds.GrowthKey))
                    .Select(p => (Previous: p.Previous!, p.Current, Rise: GrowthAlertPolicy.Decide(p.Previous!.Views, p.Previous.RecordedAt, p.Current.Views, p.Current.RecordedAt, thresholds)))
                    .Where(p => p.Rise is not null).OrderByDescending(p => p.Rise).Take(MaxAlertsPerRun);
                foreach (var (previous, current, _) in rises)
                {
                    Record(db, audience.WorkspaceId, current.PostId, NotificationKind.Growth, thresholds.GrowthKey, now);
                    messages.Add((audience.ChannelWorkspaceId, NotificationMessageFormat.Growth(run.ProfileId, handle, posts.GetValueOrDefault(current.PostId)?.ShareUrl,
                        previous.Views, current.Views, current.RecordedAt - previous.RecordedAt)));
                }
            }

            var candidates = young.Where(c => !Alerted(c.PostId, NotificationKind.Breakout, thresholds.BreakoutKey)).ToList();
            if (wanted.HasFlag(NotificationEvents.Breakout) && candidates.Count > 0)
            {
                peers ??= await PeerHistoryAsync(db, run.ProfileId, now, cancellationToken);
                var breakouts = candidates.Select(c =>
                    {
                        var posted = posts[c.PostId].PostedAt!.Value;
                        var age = c.RecordedAt - posted;
                        var median = BreakoutPolicy.Decide(age, c.Views, PeerViewsAtAge(peers, c.PostId, posted, age), thresholds.BreakoutMultiple);
                        return (Current: c, Age: age, Median: median);
                    })
                    .Where(b => b.Median is not null).OrderByDescending(b => b.Current.Views / b.Median!.Value).Take(MaxAlertsPerRun);
                foreach (var (current, age, median) in breakouts)
                {
                    Record(db, audience.WorkspaceId, current.PostId, NotificationKind.Breakout, thresholds.BreakoutKey, now);
                    messages.Add((audience.ChannelWorkspaceId, NotificationMessageFormat.Breakout(run.ProfileId, handle, posts[current.PostId].ShareUrl, current.Views, age,
                        median!.Value, thresholds.BreakoutMultiple)));
                }
            }
        }

        return messages;
    }

    /// <summary>
    /// For each older post: its views at the latest snapshot no older than <paramref name="age"/> but at least half of it
    /// (a snapshot taken an hour after posting says nothing about day six).
    /// </summary>
    private static List<long> PeerViewsAtAge(List<(DateTime PostedAt, SnapshotPoint Point)> peers, long postId, DateTime postedAt, TimeSpan age) =>
    [
        .. peers.Where(p => p.Point.PostId != postId && p.PostedAt < postedAt)
            .Where(p => p.Point.RecordedAt - p.PostedAt <= age && p.Point.RecordedAt - p.PostedAt >= age / 2)
            .GroupBy(p => p.Point.PostId)
            .Select(g => g.MaxBy(p => p.Point.RecordedAt).Point.Views),
    ];

    private static async Task<List<(DateTime PostedAt, SnapshotPoint Point)>> PeerHistoryAsync(MonitorDbContext db, Guid profileId, DateTime now,
        CancellationToken cancellationToken)
    {
        var since = now - PeerWindow;
        var rows = await db.PostMetricsHistory.AsNoTracking().RecordedFrom(since)
            .Where(h => h.Post!.ProfileId == profileId && h.Post.PostedAt != null && h.Post.PostedAt >= since)
            .Select(h => new { PostedAt = h.Post!.PostedAt!.Value, h.PostId, h.Metrics.Views, h.RecordedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Views is not null && r.RecordedAt - r.PostedAt < BreakoutPolicy.MaxAge)
            .Select(r => (r.PostedAt, new SnapshotPoint(r.PostId, r.Views!.Value, r.RecordedAt)))];
    }

    private static IQueryable<SnapshotPoint> Snapshots(MonitorDbContext db, Guid profileId, DateTime from, DateTime to) =>
        db.PostMetricsHistory.AsNoTracking().RecordedFrom(from).RecordedUntil(to)
            .Where(h => h.Post!.ProfileId == profileId && h.Metrics.Views != null)
            .Select(h => new SnapshotPoint(h.PostId, h.Metrics.Views!.Value, h.RecordedAt));

    private static void Record(MonitorDbContext db, Guid workspaceId, long postId, NotificationKind kind, string threshold, DateTime now) =>
        db.PostAlerts.Add(new PostAlert { WorkspaceId = workspaceId, PostId = postId, Kind = kind, Threshold = threshold, SentAt = now });
}
