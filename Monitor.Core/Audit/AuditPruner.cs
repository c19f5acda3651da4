using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Audit;

/// <summary>Deletes entries past <see cref="AuditOptions.RetentionDays"/>, in one statement; 0 keeps everything.</summary>
public sealed class AuditPruner(IDbContextFactory<MonitorDbContext> contextFactory, IOptions<AuditOptions> options, TimeProvider time)
{
    /// <returns>How many entries were deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
