using Quartz;

namespace Monitor.Core.Posts.History;

/// <summary>Daily: the post history's partitions for this month and the months ahead exist (PostgreSQL).</summary>
[DisallowConcurrentExecution]
internal sealed class HistoryPartitionsJob(HistoryPartitionMaintainer maintainer) : IJob
{
    public static readonly JobKey Key = new("history-partitions", "history");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await maintainer.EnsureAheadAsync(cancellationToken);
}
