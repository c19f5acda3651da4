using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

/// <summary>
/// A feature's row filter for a context restricted to some workspaces (<see cref="MonitorDbContext.IsRestricted"/>).
/// The filter reads <see cref="MonitorDbContext.RestrictedToWorkspaceIds"/> through the <paramref name="db"/> passed in,
/// which EF replaces with the querying context. Filters exist only in the restricted model: an unrestricted context
/// (background work, instance admins) runs the same SQL as before workspaces existed.
/// </summary>
public interface IScopedQueryFilter
{
    void Apply(ModelBuilder builder, MonitorDbContext db);
}
