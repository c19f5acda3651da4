using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitor.Core.Audit;

/// <summary>Daily: the audit log keeps <c>Audit:RetentionDays</c> of entries. The clustered store fires it on one node.</summary>
[DisallowConcurrentExecution]
internal sealed class AuditPruneJob(AuditPruner pruner, ILogger<AuditPruneJob> logger) : IJob
{
    public static readonly JobKey Key = new("audit-prune", "audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var deleted = await pruner.PruneAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Audit log: {Deleted} entries past the retention period deleted", deleted);
        }
    }
}
