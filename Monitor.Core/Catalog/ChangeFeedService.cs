using Microsoft.EntityFrameworkCore;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;

namespace Monitor.Core.Catalog;

/// <summary>
/// A profile's change feed (<see cref="ChangeFeedSql"/>): one statement for the page, one for the count, and one for the
/// suspect runs' figures on the page; newest first.
/// </summary>
public sealed class ChangeFeedService(IDbContextFactory<MonitorDbContext> contextFactory, ReportingTimeZone zone)
{
    public const int CaptionExcerptLength = 120;

    /// <summary>At most this many chart markers: more would cover the chart.</summary>
    public const int MaxMarkers = 300;

    /// <returns>The page, or null for an unknown profile. The query must be valid (<see cref="ChangeFeedQuery.Problems"/>).</returns>
    public async Task<PagedResult<ChangeEntry>?> ListAsync(Guid profileId, ChangeFeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var (from, to) = query.Range(zone);
        var rows = Feed(db, profileId, from, to, query.Kinds);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.OccurredAt).ThenBy(r => r.Kind).ThenByDescending(r => r.SourceId)
            .Skip(Paging.Offset(query.Page, query.PageSize)).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<ChangeEntry>(await DescribeAsync(db, page, cancellationToken), total, query.Page, query.PageSize);
    }

    /// <summary>The entries the charts mark (<see cref="ChangeKinds.ChartMarkers"/>) in a range, oldest first.</summary>
    public async Task<IReadOnlyList<ChangeEntry>> MarkersAsync(Guid profileId, DateTime? since, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Feed(db, profileId, since ?? ChangeLimits.MinDate, ChangeLimits.MaxDate, ChangeKinds.ChartMarkers)
            .OrderByDescending(r => r.OccurredAt).ThenBy(r => r.Kind).ThenByDescending(r => r.SourceId).Take(MaxMarkers)
            .ToListAsync(cancellationToken);
        rows.Reverse();
        return await DescribeAsync(db, rows, cancellationToken);
    }

    private static IQueryable<ChangeFeedRow> Feed(MonitorDbContext db, Guid profileId, DateTime from, DateTime to, IReadOnlyList<string> kinds)
    {
        var rows = db.Database.SqlQueryRaw<ChangeFeedRow>(ChangeFeedSql.Feed, profileId, from, to);
        if (kinds.Count < ChangeKinds.All.Count)
        {
            var wanted = kinds.ToList();
            rows = rows.Where(r => wanted.Contains(r.Kind));
        }

        return rows;
    }

    private async Task<IReadOnlyList<ChangeEntry>> DescribeAsync(MonitorDbContext db, List<ChangeFeedRow> rows, CancellationToken cancellationToken)
    {
        var suspectIds = rows.Where(r => r.Kind == ChangeKinds.RunSuspect && r.RunId is not null).Select(r => r.RunId!.Value).ToList();
        var suspects = suspectIds.Count == 0 ? [] : await db.Runs.AsNoTracking()
            .Where(l => suspectIds.Contains(l.Id) && l.SuspectReason != null)
            .Select(l => new { l.Id, Reason = l.SuspectReason!.Value, Observed = l.SuspectObserved ?? 0, Baseline = l.SuspectBaseline ?? 0 })
            .ToDictionaryAsync(l => l.Id, l => SuspectMessages.Describe(l.Reason, l.Observed, l.Baseline), cancellationToken);
        return [.. rows.Select(r => Describe(r, r.RunId is { } run ? suspects.GetValueOrDefault(run) : null))];
    }

    private ChangeEntry Describe(ChangeFeedRow row, string? suspect)
    {
        var at = DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc);
        DateOnly? day = row.AllDay == true ? zone.DayOf(at) : null;
        var detail = row.Kind switch
        {
            ChangeKinds.RunFailed => row.NewValue,
            ChangeKinds.RunSuspect => suspect,
            ChangeKinds.Breakout => $"Views reached {row.NewValue} the profile's median at the same age",
            ChangeKinds.FollowerMilestone => FollowerMilestoneCrossing.Describe(row.OldValue, row.NewValue),
            _ => null,
        };
        var annotation = row.Kind == ChangeKinds.Annotation;
        return new ChangeEntry(row.Kind, ChangeKinds.Label(row.Kind), at, day, day is null ? null : zone.Id,
            row.PostId, row.PostAwemeId, row.PostUrl, Excerpt(row.PostCaption),
            row.Kind is ChangeKinds.RunFailed or ChangeKinds.RunSuspect or ChangeKinds.Breakout ? null : row.OldValue,
            row.Kind switch
            {
                // The failure's typed reason, for clients; the error's words are the detail.
                ChangeKinds.RunFailed => row.OldValue,
                ChangeKinds.RunSuspect or ChangeKinds.Breakout => null,
                _ => row.NewValue,
            },
            detail, row.RunId, annotation ? row.SourceId : null, annotation ? row.Author : null);
    }

    private static string? Excerpt(string? caption) =>
        caption is null ? null : FieldLimits.Cut(caption, CaptionExcerptLength, marked: true);
}
