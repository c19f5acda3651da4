using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Monitor.Core.Data;

/// <summary>Two models per context type: without row filters (unrestricted) and with them (restricted to workspaces).</summary>
internal sealed class ScopedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is MonitorDbContext { IsRestricted: true }, designTime);
}
