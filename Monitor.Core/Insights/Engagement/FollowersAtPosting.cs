using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// The account's followers when a post was published, as SQL over a post row aliased <c>p</c>: the latest follower count
/// of the account history recorded at or before <c>p.posted_at</c> (a seek on its (profile_id, recorded_at) index). NULL
/// when the post has no time or the history starts after it: the rate by followers is then unknown and not shown.
/// </summary>
public static class FollowersAtPosting
{
    public const string Sql = """
        (SELECT h.follower_count FROM tiktok_profile_account_history h
         WHERE h.profile_id = p.profile_id AND h.follower_count IS NOT NULL AND h.recorded_at <= p.posted_at
         ORDER BY h.recorded_at DESC, h.id DESC LIMIT 1)
        """;

    /// <returns>The followers at posting of those of <paramref name="postIds"/> that have a known count.</returns>
    public static async Task<Dictionary<long, long>> ForPostsAsync(MonitorDbContext db, IReadOnlyList<long> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(postIds);
        if (postIds.Count == 0)
        {
            return [];
        }

        var names = string.Join(", ", postIds.Select((_, i) => "{" + i + "}"));
        var sql = $"SELECT p.id AS post_id, {Sql} AS followers FROM tiktok_posts p WHERE p.id IN ({names})";
        var rows = await db.Database.SqlQueryRaw<PostFollowersRow>(sql, [.. postIds.Cast<object>()]).ToListAsync(cancellationToken);
        return rows.Where(r => r.Followers is not null).ToDictionary(r => r.PostId, r => r.Followers!.Value);
    }

    private sealed record PostFollowersRow(long PostId, long? Followers);
}
