using Microsoft.Extensions.Options;

namespace Monitor.Core.Media;

/// <summary>
/// One pass: mark new or changed covers and avatars, download the due ones, remove blobs nothing references. The job runs it
/// every <c>Media:Interval</c> on the nodes that execute media caching; it is idempotent, so a pass repeated after a crash is harmless.
/// </summary>
internal sealed class MediaCache(
    MediaReferenceSync sync,
    MediaFetcher fetcher,
    MediaGarbageCollector collector,
    IOptions<MediaOptions> options)
{
    public async Task<MediaPassResult> RunPassAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new(0, 0, 0, await collector.CollectAsync(cancellationToken));
        }

        var marked = await sync.SyncAsync(cancellationToken);
        var (stored, failed) = await fetcher.FetchDueAsync(cancellationToken);
        var removed = await collector.CollectAsync(cancellationToken);
        return new(marked, stored, failed, removed);
    }
}
