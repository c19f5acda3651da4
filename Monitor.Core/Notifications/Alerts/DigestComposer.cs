using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// The daily digest's text: for each profile, the change of its totals over the day (last totals snapshot of the day
/// against the last one before it) and its posts that gained the most views that day.
/// </summary>
internal static class DigestComposer
{
    private const int TopPosts = 3;

    public static async Task<Dictionary<Guid, string>> ProfileLinesAsync(MonitorDbContext db, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var profiles = await db.Profiles.AsNoTracking().OrderBy(p => p.Handle).Select(p => new { p.Id, p.Handle, p.MonitoringEnabled }).ToListAsync(cancellationToken);
        var totals = await db.ProfileMetricsHistory.AsNoTracking().Where(h => h.RecordedAt < end && h.RecordedAt >= start.AddDays(-30))
            .Select(h => new { h.ProfileId, h.RecordedAt, h.TotalPosts, h.Totals }).ToListAsync(cancellationToken);
        var views = await db.PostMetricsHistory.AsNoTracking().RecordedFrom(start.AddDays(-2)).RecordedBefore(end).Where(h => h.Metrics.Views != null)
            .Select(h => new { h.Post!.ProfileId, h.PostId, h.Post.ShareUrl, Views = h.Metrics.Views!.Value, h.RecordedAt }).ToListAsync(cancellationToken);

        var lines = new Dictionary<Guid, string>();
        foreach (var profile in profiles)
        {
            var mine = totals.Where(t => t.ProfileId == profile.Id).ToList();
            var before = mine.Where(t => t.RecordedAt < start).MaxBy(t => t.RecordedAt);
            var after = mine.Where(t => t.RecordedAt >= start).MaxBy(t => t.RecordedAt);
            if (after is null)
            {
                if (profile.MonitoringEnabled)
                {
                    lines[profile.Id] = $"@{profile.Handle}: no completed run that day.";
                }

                continue;
            }

            var line = new StringBuilder($"@{profile.Handle}: ");
            line.AppendJoin(", ", PostMetrics.All.Select(m => $"{Signed(after.Totals[m] - (before?.Totals[m] ?? 0))} {m.Name.ToLowerInvariant()}"));
            line.Append(CultureInfo.InvariantCulture, $", {Signed(after.TotalPosts - (before?.TotalPosts ?? 0))} posts (now {NotificationMessageFormat.Count(after.Totals.Views ?? 0)} views in all)");
            var gains = views.Where(v => v.ProfileId == profile.Id).GroupBy(v => v.PostId).Select(g =>
                {
                    var last = g.Where(v => v.RecordedAt >= start).MaxBy(v => v.RecordedAt);
                    var first = g.Where(v => v.RecordedAt < start).MaxBy(v => v.RecordedAt);
                    return last is null || first is null ? null : new { last.ShareUrl, Gain = last.Views - first.Views };
                })
                .Where(g => g is { Gain: > 0 }).OrderByDescending(g => g!.Gain).Take(TopPosts).ToList();
            foreach (var gain in gains)
            {
                line.Append(CultureInfo.InvariantCulture, $"\n    {Signed(gain!.Gain)} views: {gain.ShareUrl ?? "(no link)"}");
            }

            lines[profile.Id] = line.ToString();
        }

        return lines;
    }

    private static string Signed(long? value) => value is >= 0 ? "+" + NotificationMessageFormat.Count(value.Value) : NotificationMessageFormat.Count(value ?? 0);
}
