using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Posts;

/// <summary>A restricted context sees the posts of its workspaces' profiles.</summary>
internal sealed class PostWorkspaceFilter : IScopedQueryFilter
{
    public void Apply(ModelBuilder builder, MonitorDbContext db)
    {
        builder.Entity<TiktokPost>().HasQueryFilter(WorkspaceFilters.ByProfile<TiktokPost>(db, p => p.ProfileId));
    }
}
