using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitor.Core.Media;

/// <summary>
/// Every <c>Media:Interval</c> on nodes with QUEUE_NAME <c>media-cache</c> or <c>all</c>: one pass of the cache. With the
/// clustered store one node runs it at a time, so a run's new covers are fetched once, within an interval of its end.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MediaCacheJob(MediaCache cache, ILogger<MediaCacheJob> logger) : IJob
{
    public const string ExecutionGroup = "media-cache";
    public static readonly JobKey Key = new("media-cache", "media");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await cache.RunPassAsync(cancellationToken);
        if (result.Marked + result.Stored + result.Failed + result.Removed > 0)
        {
            logger.LogInformation(
                "Media cache: {Marked} new or changed, {Stored} stored, {Failed} failed, {Removed} removed",
                result.Marked, result.Stored, result.Failed, result.Removed);
        }
    }
}
