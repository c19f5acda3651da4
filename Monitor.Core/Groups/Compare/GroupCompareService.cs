using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Media;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The comparison of a group over a period, for the compare page, the API and the benchmark alike: the members, then
/// each registered <see cref="ICompareFigures"/> (one set-based query or a few per family), the averages, and one
/// indexed growth chart per <see cref="IGrowthSeriesSource"/>.
/// </summary>
public sealed class GroupCompareService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    IEnumerable<ICompareFigures> figures,
    IEnumerable<IGrowthSeriesSource> growthSources)
{
    public const string CompetitorAverageLabel = "Competitor average";
    public const string GroupAverageLabel = "Group average";

    /// <returns>Null when there is no such group.</returns>
    public async Task<GroupComparison?> CompareAsync(Guid groupId, ComparePeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.ProfileGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Id, g.Name }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var members = await db.ProfileGroupMembers.AsNoTracking().Where(m => m.GroupId == groupId)
            .OrderByDescending(m => m.IsOwn).ThenBy(m => m.Profile!.Handle)
            .Select(m => new GroupCompareRow
            {
                ProfileId = m.ProfileId,
                Handle = m.Profile!.Handle,
                Nickname = m.Profile.Nickname,
                AvatarUrl = m.Profile.AvatarUrl,
                IsOwn = m.IsOwn,
            })
            .ToListAsync(cancellationToken);
        var avatars = await MediaLinks.AvatarsAsync(db, [.. members.Select(m => m.ProfileId)], cancellationToken);
        var scope = new CompareScope(groupId, [.. members.Select(m => m.ProfileId)], period);
        var rows = new CompareRows(members.Select(m => avatars.TryGetValue(m.ProfileId, out var cached) ? m with { AvatarUrl = cached } : m));
        if (members.Count > 0)
        {
            foreach (var family in figures)
            {
                await family.FillAsync(db, scope, rows, cancellationToken);
            }
        }

        var ordered = members.Select(m => rows.All.First(r => r.ProfileId == m.ProfileId)).ToList();
        var columns = CompareColumns.All;
        var competitors = ordered.Where(r => !r.IsOwn).ToList();
        var hasOwn = competitors.Count < ordered.Count;
        var competitorAverage = CompareAverage.Of(CompetitorAverageLabel,
            hasOwn ? "Mean over the group's profiles other than the own one; each profile counts once." : "No own profile is marked: the mean over all the group's profiles.",
            competitors, columns);
        var groupAverage = CompareAverage.Of(GroupAverageLabel, "Mean over all the group's profiles, the own one included; each profile counts once.", ordered, columns);

        var charts = new List<GrowthChart>();
        foreach (var source in growthSources)
        {
            var series = members.Count == 0 ? new Dictionary<Guid, IReadOnlyList<DailyValue>>() : await source.ReadAsync(db, scope, cancellationToken);
            charts.Add(new GrowthChart(source.Metric, source.Explanation, IndexedGrowth.Formula, period.TimeZone, period.From, period.To,
                [.. ordered.Select(r => IndexedGrowth.Index(r.ProfileId, r.Handle, r.IsOwn, period.From, series.GetValueOrDefault(r.ProfileId) ?? []))]));
        }

        return new GroupComparison(group.Id, group.Name, period, columns, ordered, competitorAverage, groupAverage, charts);
    }
}
