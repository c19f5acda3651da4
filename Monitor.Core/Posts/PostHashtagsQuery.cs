using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Posts;

/// <summary>The hashtags of a page of posts in one query, through the (post_id, tag) key.</summary>
internal static class PostHashtagsQuery
{
    /// <returns>Each post's tags in alphabetical order; a post without tags is absent.</returns>
    public static async Task<Dictionary<long, List<string>>> RunAsync(MonitorDbContext db, IReadOnlyList<long> postIds, CancellationToken cancellationToken)
    {
        if (postIds.Count == 0)
        {
            return [];
        }

        var rows = await db.PostHashtags.AsNoTracking()
            .Where(h => postIds.Contains(h.PostId))
            .OrderBy(h => h.PostId).ThenBy(h => h.Tag)
            .Select(h => new { h.PostId, h.Tag })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PostId).ToDictionary(g => g.Key, g => g.Select(r => r.Tag).ToList());
    }
}
