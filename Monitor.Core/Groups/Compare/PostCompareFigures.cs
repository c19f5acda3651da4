using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Media;
using Monitor.Core.Posts;

namespace Monitor.Core.Groups.Compare;

/// <summary>Posts per week, median views and the best post of the period: one statement for the group, then the best posts' details.</summary>
internal sealed class PostCompareFigures : ICompareFigures
{
    public async Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken)
    {
        var period = scope.Period;
        var figures = await db.Database
            .SqlQueryRaw<PostFigureRow>(CompareSql.PostFigures, scope.GroupId, period.StartUtc, period.EndUtc)
            .ToListAsync(cancellationToken);
        var bestIds = figures.Where(f => f.BestPostId is not null).Select(f => f.BestPostId!.Value).ToList();
        var best = await db.Posts.AsNoTracking().Where(p => bestIds.Contains(p.Id))
            .Select(p => new { p.Id, p.AwemeId, p.Metrics.Views, p.PostedAt, p.Description, p.ShareUrl, p.CoverUrl })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var covers = await MediaLinks.CoversAsync(db, bestIds, cancellationToken);
        foreach (var figure in figures)
        {
            var post = figure.BestPostId is { } id && best.TryGetValue(id, out var found)
                ? new CompareBestPost(found.Id, found.AwemeId, found.Views ?? 0, found.PostedAt, found.Description, found.ShareUrl, found.CoverUrl,
                    covers.GetValueOrDefault(found.Id))
                : null;
            rows.Update(figure.ProfileId, row => row with
            {
                Posts = (int)figure.Posts,
                PostsPerWeek = figure.Posts / period.Weeks,
                MedianViews = figure.MedianViews,
                BestPost = post,
            });
        }
    }
}
