using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Posts;

/// <summary>
/// A restricted context sees the posts of its workspaces' profiles, and the history and hashtags of those posts only
/// (a query that starts from the history or the hashtags, not from a post, must not reach another workspace's).
/// </summary>
internal sealed class PostWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<TiktokPost>().HasQueryFilter(WorkspaceFilters.ByProfile<TiktokPost>(db, p => p.ProfileId));
        builder.Entity<TikTokPostMetricsHistory>().HasQueryFilter(WorkspaceFilters.ByProfile<TikTokPostMetricsHistory>(db, h => h.Post!.ProfileId));
        builder.Entity<TiktokPostHashtag>().HasQueryFilter(WorkspaceFilters.ByProfile<TiktokPostHashtag>(db, h => h.Post!.ProfileId));
    }
}
