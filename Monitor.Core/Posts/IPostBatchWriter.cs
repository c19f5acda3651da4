using Monitor.Core.Data;

namespace Monitor.Core.Posts;

/// <summary>
/// Writes one page of observed posts set-based: upserts the posts and adds a history row per post.
/// One implementation per provider, because the fast SQL differs (unnest arrays on PostgreSQL, a prepared row
/// statement on SQLite). Runs inside the caller's transaction.
/// </summary>
public interface IPostBatchWriter
{
    /// <returns>The number of posts written for this profile (posts owned by another profile are left alone).</returns>
    /// <exception cref="Profiles.ProfileDeletedException">The profile no longer exists.</exception>
    Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken);
}
