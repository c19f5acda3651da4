using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>
/// Writes observed posts set-based: upserts the posts and adds a history row per post. One implementation per
/// provider, because the fast SQL differs (unnest arrays, one statement a page and COPY for bulk on PostgreSQL; prepared
/// row statements on SQLite).
/// </summary>
public interface IPostBatchWriter
{
    /// <summary>A batch of any size inside the caller's transaction (the bulk endpoint, imports).</summary>
    /// <returns>The number of posts written for this profile (posts owned by another profile are left alone).</returns>
    /// <exception cref="Profiles.ProfileDeletedException">The profile no longer exists.</exception>
    Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken);

    /// <summary>Opens the page-write session of one run; dispose it when the run ends.</summary>
    Task<IPageWriteSession> OpenRunAsync(RunPageTarget target, CancellationToken cancellationToken);
}
