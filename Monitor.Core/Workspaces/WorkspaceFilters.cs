using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Monitor.Core.Data;

namespace Monitor.Core.Workspaces;

/// <summary>The two shapes of a feature's <see cref="IScopedQueryFilter"/>: rows of a visible profile, rows of a visible workspace.</summary>
public static class WorkspaceFilters
{
    /// <summary>Rows whose profile one of the context's workspaces watches.</summary>
    public static Expression<Func<T, bool>> ByProfile<T>(MonitorDbContext db, Expression<Func<T, Guid>> profileId)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        Expression<Func<Guid, bool>> visible = id =>
            db.Set<WorkspaceProfile>().Any(l => l.ProfileId == id && db.RestrictedToWorkspaceIds.Contains(l.WorkspaceId));
        var body = ReplacingExpressionVisitor.Replace(visible.Parameters[0], profileId.Body, visible.Body);
        return Expression.Lambda<Func<T, bool>>(body, profileId.Parameters);
    }

    /// <summary>Rows a workspace of the context owns.</summary>
    public static Expression<Func<T, bool>> ByWorkspace<T>(MonitorDbContext db, Expression<Func<T, Guid>> workspaceId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        Expression<Func<Guid, bool>> visible = id => db.RestrictedToWorkspaceIds.Contains(id);
        var body = ReplacingExpressionVisitor.Replace(visible.Parameters[0], workspaceId.Body, visible.Body);
        return Expression.Lambda<Func<T, bool>>(body, workspaceId.Parameters);
    }
}
