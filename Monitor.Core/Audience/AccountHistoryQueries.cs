using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Audience;

/// <summary>
/// The account history read back: the snapshots of a period, the profile's audience summary, and follower series for a
/// set of profiles (the compare page). Every read uses the (profile_id, recorded_at) index.
/// </summary>
public sealed class AccountHistoryQueries(IDbContextFactory<MonitorDbContext> contextFactory, ReportingTimeZone zone)
{
    public const int MaxPoints = 5_000;

    public static IReadOnlyList<int> GainDays { get; } = [1, 7, 30];

    /// <summary>Snapshots recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first; null for an unknown profile.</summary>
    public async Task<IReadOnlyList<AccountSnapshotDto>?> HistoryAsync(Guid profileId, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var rows = db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId);
        if (from is { } start)
        {
            rows = rows.Where(s => s.RecordedAt >= start);
        }

        if (to is { } end)
        {
            rows = rows.Where(s => s.RecordedAt < end);
        }

        return await rows.OrderBy(s => s.RecordedAt).ThenBy(s => s.Id).Take(MaxPoints).Select(ToDto).ToListAsync(cancellationToken);
    }

    /// <summary>The latest counters, the gains over 1, 7 and 30 days before them, and the next milestone; null for an unknown profile.</summary>
    public async Task<AudienceSummary?> SummaryAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var snapshots = db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId);
        var latest = await snapshots.OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).Select(ToDto).FirstOrDefaultAsync(cancellationToken);
        var withFollowers = snapshots.Where(s => s.FollowerCount != null);
        var last = await withFollowers.OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.RecordedAt, s.FollowerCount }).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return new AudienceSummary(latest, [.. GainDays.Select(d => FollowerGain.Between(d, null, null, null))], MilestoneProjection.Project([]));
        }

        var gains = new List<FollowerGain>();
        foreach (var days in GainDays)
        {
            var before = last.RecordedAt.AddDays(-days);
            var baseline = await withFollowers.Where(s => s.RecordedAt <= before).OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
                .Select(s => new { s.RecordedAt, s.FollowerCount }).FirstOrDefaultAsync(cancellationToken);
            gains.Add(FollowerGain.Between(days, last.FollowerCount, baseline?.RecordedAt, baseline?.FollowerCount));
        }

        var windowStart = last.RecordedAt.AddDays(-MilestoneProjection.WindowDays);
        var trend = await withFollowers.Where(s => s.RecordedAt >= windowStart).OrderByDescending(s => s.RecordedAt).Take(MaxPoints)
            .Select(s => new { s.RecordedAt, s.FollowerCount }).ToListAsync(cancellationToken);
        return new AudienceSummary(latest, gains, MilestoneProjection.Project(trend.Select(t => (t.RecordedAt, t.FollowerCount!.Value))));
    }

    /// <summary>
    /// For each profile: the last follower count of each day of [<paramref name="from"/>, <paramref name="to"/>] (calendar
    /// days of <c>Monitoring:TimeZone</c>) that has one, and the gains over the 7 and 30 days ending with <paramref name="to"/>:
    /// the latest count by then minus the latest count by 7 (30) days earlier. Profiles without snapshots get an empty series.
    /// </summary>
    public async Task<IReadOnlyList<ProfileFollowerSeries>> FollowerSeriesAsync(IReadOnlyCollection<Guid> profileIds, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var ids = profileIds.Distinct().ToList();
        var start = zone.StartOf(from);
        var end = zone.StartOf(to.AddDays(1));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One row per run at most: the per-day reduction below handles snapshots, never posts.
        var rows = await db.AccountHistory.AsNoTracking()
            .Where(s => ids.Contains(s.ProfileId) && s.FollowerCount != null && s.RecordedAt >= start && s.RecordedAt < end)
            .OrderBy(s => s.RecordedAt).ThenBy(s => s.Id)
            .Select(s => new { s.ProfileId, s.RecordedAt, Followers = s.FollowerCount!.Value })
            .ToListAsync(cancellationToken);
        var atEnd = await LatestByAsync(db, ids, end, cancellationToken);
        var at7 = await LatestByAsync(db, ids, end.AddDays(-7), cancellationToken);
        var at30 = await LatestByAsync(db, ids, end.AddDays(-30), cancellationToken);
        var byProfile = rows.ToLookup(r => r.ProfileId);
        return [.. ids.Select(id =>
        {
            var days = byProfile[id].GroupBy(r => zone.DayOf(r.RecordedAt)).Select(g => new DailyFollowers(g.Key, g.Last().Followers)).ToList();
            var latest = atEnd.GetValueOrDefault(id);
            var week = at7.GetValueOrDefault(id);
            var month = at30.GetValueOrDefault(id);
            return new ProfileFollowerSeries(id, days,
                FollowerGain.Between(7, latest?.Followers, week?.At, week?.Followers),
                FollowerGain.Between(30, latest?.Followers, month?.At, month?.Followers));
        })];
    }

    /// <summary>Each profile's latest follower count strictly before <paramref name="before"/>, one correlated lookup per profile on the index.</summary>
    private static async Task<Dictionary<Guid, (DateTime At, long Followers)?>> LatestByAsync(MonitorDbContext db, List<Guid> ids, DateTime before,
        CancellationToken cancellationToken)
    {
        var rows = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Latest = db.Set<ProfileAccountSnapshot>().Where(s => s.ProfileId == p.Id && s.FollowerCount != null && s.RecordedAt < before)
                    .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
                    .Select(s => new { s.RecordedAt, s.FollowerCount }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Latest is { FollowerCount: { } f } l ? ((DateTime, long)?)(l.RecordedAt, f) : null);
    }

    private static readonly Expression<Func<ProfileAccountSnapshot, AccountSnapshotDto>> ToDto = s =>
        new AccountSnapshotDto(s.RecordedAt, s.FollowerCount, s.FollowingCount, s.LikesCount, s.VideoCount, s.Source, s.MonitoringLogId);
}
