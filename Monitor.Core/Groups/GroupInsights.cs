using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Insights;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Leaderboards;

namespace Monitor.Core.Groups;

/// <summary>
/// A group's best time to post and its hashtag and sound leaderboards: the profile insight queries asked with the
/// group's members, so every figure is over the union of their posts. Null when the group does not exist.
/// </summary>
public sealed class GroupInsights(IDbContextFactory<MonitorDbContext> contextFactory, BestTimeQuery bestTime, LeaderboardQuery leaderboards)
{
    public async Task<BestTimeHeatmap?> BestTimeAsync(Guid groupId, InsightPeriod period, TimeZoneInfo zone, bool excludeAds, CancellationToken cancellationToken) =>
        await MembersAsync(groupId, cancellationToken) is { } members ? await bestTime.HeatmapAsync(members, period, zone, excludeAds, cancellationToken) : null;

    public async Task<Leaderboard?> HashtagsAsync(Guid groupId, InsightPeriod period, CancellationToken cancellationToken) =>
        await MembersAsync(groupId, cancellationToken) is { } members ? await leaderboards.HashtagsAsync(members, period, cancellationToken) : null;

    public async Task<SoundLeaderboards?> SoundsAsync(Guid groupId, InsightPeriod period, CancellationToken cancellationToken) =>
        await MembersAsync(groupId, cancellationToken) is { } members ? await leaderboards.SoundsAsync(members, period, cancellationToken) : null;

    /// <returns>The group's profile ids (possibly none), or null for an unknown group.</returns>
    private async Task<IReadOnlyList<Guid>?> MembersAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ProfileGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return null;
        }

        return await db.ProfileGroupMembers.Where(m => m.GroupId == groupId).Select(m => m.ProfileId).ToListAsync(cancellationToken);
    }
}
