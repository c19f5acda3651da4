using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Groups.Compare;
using Monitor.Core.Insights;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Media;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Core.Reports;

/// <summary>
/// Assembles a report's content for a period and the one before: each figure one set-based statement over the
/// subject's profiles (never all their posts loaded), the group's comparison from <see cref="GroupCompareService"/>.
/// </summary>
public sealed class ReportContentBuilder(
    IDbContextFactory<MonitorDbContext> contextFactory,
    EngagementQuery engagement,
    GroupCompareService compare,
    IMediaBlobStore blobs)
{
    /// <returns>Null when the report's profile or group no longer exists.</returns>
    public async Task<ReportContent?> BuildAsync(ReportDefinition definition, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subject = await SubjectAsync(db, definition, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var previous = period.Previous();
        var ids = subject.ProfileIds;
        var followers = ids.Count == 0 ? Empty : await ReportSeries.ReadAsync(db, ReportSql.FollowerRows, ids, previous, period, cancellationToken);
        var views = ids.Count == 0 ? Empty : await ReportSeries.ReadAsync(db, ReportSql.TotalViewsRows, ids, previous, period, cancellationToken);
        var isGroup = subject.GroupId is not null;
        var rate = EngagementRateDefinition.Default;
        var headline = new List<ReportFigure>
        {
            new("followersGained", "Followers gained",
                "Followers at the period's end minus at its start (account history, the last count of each day; summed over the profiles).",
                followers.GainedInPeriod, followers.GainedInPrevious, ReportFigureFormat.Count),
            new("viewsGained", "Views gained",
                "Total views (the sum over the posts) at the period's end minus at its start, from each run's profile history; suspect runs left out.",
                views.GainedInPeriod, views.GainedInPrevious, ReportFigureFormat.Count),
            new("postsPublished", "Posts published", "Posts whose posting time falls in the period.",
                await PostsAsync(db, ids, period, cancellationToken), await PostsAsync(db, ids, previous, cancellationToken), ReportFigureFormat.Count),
            new("medianEngagementRate", $"Median {rate.Label}",
                $"Nearest-rank median (the lower middle of an even count) over the posts published in the period of {rate.Formula} per post"
                + (isGroup ? "; for a group, the same median of the members' medians." : "."),
                await MedianRateAsync(ids, period, cancellationToken), await MedianRateAsync(ids, previous, cancellationToken), ReportFigureFormat.Percent),
            new("creditsSpent", "Credits spent", "ScrapeCreators credits the ledger charged to these profiles in the period.",
                await CreditsAsync(db, ids, period, cancellationToken), await CreditsAsync(db, ids, previous, cancellationToken), ReportFigureFormat.Count),
        };

        var comparison = subject.GroupId is { } groupId
            ? await compare.CompareAsync(groupId, new ComparePeriod(period.Start, period.Last, period.TimeZone, period.StartUtc, period.EndUtc), cancellationToken)
            : null;
        return new ReportContent(definition.Name, subject.Name, isGroup, period, previous, headline, followers.Days, views.Days,
            await TopPostsAsync(db, subject, period, cancellationToken), comparison, await ChangesAsync(db, subject, period, cancellationToken));
    }

    private static readonly ReportSeries Empty = new([], null, null, null);

    private static async Task<ReportSubject?> SubjectAsync(MonitorDbContext db, ReportDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.GroupId is { } groupId)
        {
            var name = await db.ProfileGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                return null;
            }

            var members = await db.ProfileGroupMembers.Where(m => m.GroupId == groupId)
                .Select(m => new { m.ProfileId, m.Profile!.Handle }).ToListAsync(cancellationToken);
            return new ReportSubject(name, groupId, [.. members.Select(m => m.ProfileId)], members.ToDictionary(m => m.ProfileId, m => m.Handle));
        }

        var profile = await db.Profiles.Where(p => p.Id == definition.ProfileId).Select(p => new { p.Id, p.Handle }).SingleOrDefaultAsync(cancellationToken);
        return profile is null ? null : new ReportSubject("@" + profile.Handle, null, [profile.Id], new Dictionary<Guid, string> { [profile.Id] = profile.Handle });
    }

    private static async Task<double?> PostsAsync(MonitorDbContext db, IReadOnlyList<Guid> ids, ReportPeriod period, CancellationToken cancellationToken) =>
        await db.Posts.CountAsync(p => ids.Contains(p.ProfileId) && p.PostedAt >= period.StartUtc && p.PostedAt < period.EndUtc, cancellationToken);

    private static async Task<double?> CreditsAsync(MonitorDbContext db, IReadOnlyList<Guid> ids, ReportPeriod period, CancellationToken cancellationToken) =>
        await db.Set<Credits.CreditLedgerEntry>()
            .Where(e => e.ProfileId != null && ids.Contains(e.ProfileId.Value) && e.At >= period.StartUtc && e.At < period.EndUtc)
            .SumAsync(e => (long)e.Credits, cancellationToken);

    private async Task<double?> MedianRateAsync(IReadOnlyList<Guid> ids, ReportPeriod period, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var window = EngagementWindow.Of(new InsightPeriod(period.StartUtc, period.EndUtc));
        var medians = (await engagement.ForProfilesAsync(ids, window, cancellationToken))
            .Select(p => p[EngagementRateDefinition.Default].MedianOfPostRates)
            .OfType<double>().Order().ToList();
        return medians.Count == 0 ? null : medians[(medians.Count - 1) / 2];
    }

    private async Task<IReadOnlyList<ReportPost>> TopPostsAsync(MonitorDbContext db, ReportSubject subject, ReportPeriod period, CancellationToken cancellationToken)
    {
        if (subject.ProfileIds.Count == 0)
        {
            return [];
        }

        var top = await db.Database.SqlQueryRaw<ReportPostRow>(ReportSql.TopPostsByViewsGained(subject.ProfileIds.Count),
                [period.StartUtc, period.EndUtc, ReportContent.TopPostCount, .. subject.ProfileIds.Cast<object>()])
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.PostId).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ProfileId, p.Description, p.PostedAt, p.ShareUrl }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var covers = await db.MediaReferences.AsNoTracking()
            .Where(r => r.PostId != null && r.Hash != null && ids.Contains(r.PostId.Value))
            .Select(r => new { PostId = r.PostId!.Value, r.Hash }).ToListAsync(cancellationToken);
        var result = new List<ReportPost>();
        foreach (var row in top.Where(t => posts.ContainsKey(t.PostId)))
        {
            var post = posts[row.PostId];
            var hash = covers.FirstOrDefault(c => c.PostId == row.PostId)?.Hash;
            var thumbnail = hash is null ? null : (await blobs.ReadAsync(hash, cancellationToken))?.Bytes;
            result.Add(new ReportPost(post.Id, subject.Handles.GetValueOrDefault(post.ProfileId, "?"), post.Description,
                post.PostedAt ?? period.StartUtc, row.Views, row.Gained, post.ShareUrl, thumbnail));
        }

        return result;
    }

    private static async Task<IReadOnlyList<ReportChange>> ChangesAsync(MonitorDbContext db, ReportSubject subject, ReportPeriod period, CancellationToken cancellationToken)
    {
        var ids = subject.ProfileIds;
        var rows = await db.Set<Changes.ProfileChange>().AsNoTracking()
            .Where(c => ids.Contains(c.ProfileId) && c.OccurredAt >= period.StartUtc && c.OccurredAt < period.EndUtc)
            .OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id).Take(ReportContent.MaxChanges)
            .Select(c => new { c.ProfileId, c.Kind, c.OccurredAt, c.OldValue, c.NewValue })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new ReportChange(c.OccurredAt, subject.Handles.GetValueOrDefault(c.ProfileId, "?"), Changes.ChangeKinds.Label(c.Kind), c.OldValue, c.NewValue))];
    }
}
