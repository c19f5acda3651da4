using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;

namespace Monitor.Core.Audience;

/// <summary>
/// The follower count of a post's account when it was posted: the latest account snapshot at or before its
/// <c>posted_at</c> (one correlated lookup per post on the (profile_id, recorded_at) index). Null when the post has no
/// time or no snapshot is that old (the monitor started recording after it): a rate "by followers" is then not shown.
/// </summary>
public sealed class FollowersAtPostingQuery(IDbContextFactory<MonitorDbContext> contextFactory)
{
    /// <summary>Composable: the posts of <paramref name="posts"/> with their followers at posting, for a caller's own set-based query.</summary>
    public static IQueryable<PostFollowers> Of(MonitorDbContext db, IQueryable<TiktokPost> posts)
    {
        ArgumentNullException.ThrowIfNull(db);
        return posts.Select(p => new PostFollowers(p.Id, p.ProfileId, p.PostedAt,
            p.PostedAt == null ? null : db.Set<ProfileAccountSnapshot>()
                .Where(s => s.ProfileId == p.ProfileId && s.FollowerCount != null && s.RecordedAt <= p.PostedAt)
                .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
                .Select(s => s.FollowerCount)
                .FirstOrDefault()));
    }

    public async Task<IReadOnlyList<PostFollowers>> ForPostsAsync(IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var ids = postIds.Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Of(db, db.Posts.AsNoTracking().Where(p => ids.Contains(p.Id))).ToListAsync(cancellationToken);
    }

    /// <summary>Every post of the profiles posted in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<PostFollowers>> ForProfilesAsync(IReadOnlyCollection<Guid> profileIds, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var ids = profileIds.Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var posts = db.Posts.AsNoTracking().Where(p => ids.Contains(p.ProfileId) && p.PostedAt >= from && p.PostedAt < to);
        return await Of(db, posts).ToListAsync(cancellationToken);
    }
}
