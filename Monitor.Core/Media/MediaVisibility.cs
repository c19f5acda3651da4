using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>
/// Whether the caller may have a cached image: only when a profile or post it can see uses it (a restricted context
/// filters the references to its workspaces').
/// </summary>
public sealed class MediaVisibility(IDbContextFactory<MonitorDbContext> contexts)
{
    public async Task<bool> IsVisibleAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaReferences.AnyAsync(r => r.Hash == hash, cancellationToken);
    }
}
