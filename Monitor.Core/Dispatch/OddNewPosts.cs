using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

/// <summary>
/// A post written without a refused counter keeps that counter's last good value; a post the monitor has never
/// stored has none to keep, so it is left out (and named as skipped) until a page sends it whole, rather than stored
/// with a hole in its figures.
/// </summary>
internal static class OddNewPosts
{
    public const string NewPostNote = "a new post has no last good value to keep";

    public static async Task<PostsPage> LeaveOutAsync(IDbContextFactory<MonitorDbContext> contextFactory, PostsPage page, CancellationToken cancellationToken)
    {
        var odd = page.OddPosts.Where(o => !o.Skipped && o.AwemeId is not null).Select(o => o.AwemeId!).Distinct().ToList();
        if (odd.Count == 0)
        {
            return page;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Posts.AsNoTracking().Where(p => odd.Contains(p.AwemeId)).Select(p => p.AwemeId).ToListAsync(cancellationToken);
        return LeaveOut(page, odd.Except(stored).ToHashSet(StringComparer.Ordinal));
    }

    /// <param name="newIds">Ids of the page's odd posts that are not stored yet.</param>
    public static PostsPage LeaveOut(PostsPage page, IReadOnlySet<string> newIds)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(newIds);
        return newIds.Count == 0 ? page : page with
        {
            Posts = [.. page.Posts.Where(p => !newIds.Contains(p.AwemeId))],
            OddPosts = [.. page.OddPosts.Select(o => !o.Skipped && o.AwemeId is { } id && newIds.Contains(id)
                ? o with { Skipped = true, Problem = $"{o.Problem} ({NewPostNote})" }
                : o)],
        };
    }
}
