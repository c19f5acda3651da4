using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitor.Core.Posts.History;

/// <summary>Daily: closes the open spans of past half months and compacts the history into its tiers.</summary>
[DisallowConcurrentExecution]
internal sealed class HistoryCompactionJob(HistoryCompactor compactor, ILogger<HistoryCompactionJob> logger) : IJob
{
    public static readonly JobKey Key = new("history-compaction", "history");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await compactor.RunAsync(cancellationToken);
        if (result.SpansRewritten > 0 || result.OpenSpansClosed > 0)
        {
            logger.LogInformation(
                "Post history: {Closed} open spans closed, {Rewritten} spans of {Posts} posts compacted",
                result.OpenSpansClosed, result.SpansRewritten, result.PostsCompacted);
        }
    }
}
