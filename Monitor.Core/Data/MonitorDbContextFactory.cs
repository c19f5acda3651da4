using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

/// <summary>
/// Hands out the provider's derived context as the neutral <see cref="MonitorDbContext"/>, restricted to the workspaces
/// of the code running now (the request's or circuit's scope) when there is one.
/// </summary>
internal sealed class MonitorDbContextFactory<TContext>(IDbContextFactory<TContext> inner, IEnumerable<IContextScopeSource> scopes)
    : IDbContextFactory<MonitorDbContext>
    where TContext : MonitorDbContext
{
    private readonly IContextScopeSource[] _scopes = scopes.ToArray();

    public MonitorDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        foreach (var scope in _scopes)
        {
            if (scope.CurrentRestriction is { } ids)
            {
                db.RestrictTo(ids);
            }
        }

        return db;
    }
}
