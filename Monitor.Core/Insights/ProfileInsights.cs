using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Insights.Leaderboards;
using Monitor.Core.Insights.SameAge;
using Monitor.Core.Profiles;

namespace Monitor.Core.Insights;

/// <summary>
/// One profile's insights, for its page and its API routes: the set-based queries asked for that one profile, and null
/// when the profile does not exist. A group asks the queries (<see cref="EngagementQuery"/>, <see cref="SameAgeQuery"/>,
/// <see cref="BestTimeQuery"/>, <see cref="LeaderboardQuery"/>) directly with its set of profiles.
/// </summary>
public sealed class ProfileInsights(
    IDbContextFactory<MonitorDbContext> contextFactory,
    EngagementQuery engagement,
    SameAgeQuery sameAge,
    BestTimeQuery bestTime,
    LeaderboardQuery leaderboards)
{
    public async Task<ProfileEngagement?> EngagementAsync(Guid profileId, EngagementWindow window, CancellationToken cancellationToken) =>
        await ExistsAsync(profileId, cancellationToken) ? await engagement.ForProfileAsync(profileId, window, cancellationToken) : null;

    public async Task<SameAgeMedians?> SameAgeAsync(Guid profileId, InsightPeriod period, CancellationToken cancellationToken) =>
        await ExistsAsync(profileId, cancellationToken) ? (await sameAge.MediansAsync([profileId], period, cancellationToken))[0] : null;

    public async Task<BestTimeHeatmap?> BestTimeAsync(Guid profileId, InsightPeriod period, TimeZoneInfo zone, bool excludeAds, CancellationToken cancellationToken) =>
        await ExistsAsync(profileId, cancellationToken) ? await bestTime.HeatmapAsync([profileId], period, zone, excludeAds, cancellationToken) : null;

    public async Task<Leaderboard?> HashtagsAsync(Guid profileId, InsightPeriod period, CancellationToken cancellationToken) =>
        await ExistsAsync(profileId, cancellationToken) ? await leaderboards.HashtagsAsync([profileId], period, cancellationToken) : null;

    public async Task<SoundLeaderboards?> SoundsAsync(Guid profileId, InsightPeriod period, CancellationToken cancellationToken) =>
        await ExistsAsync(profileId, cancellationToken) ? await leaderboards.SoundsAsync([profileId], period, cancellationToken) : null;

    private async Task<bool> ExistsAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken);
    }
}
