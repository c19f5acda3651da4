using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

/// <summary>
/// The page writes of one claimed run, on one session held for the run (see <see cref="IPageWriteSession"/>): each
/// page's posts, history, progress and heartbeat commit together, conditional on the claim.
/// </summary>
public sealed class RunPages(RunLifecycle lifecycle, RunClaim claim, IPageWriteSession session, TimeProvider time) : IAsyncDisposable
{
    /// <returns>False when the run is no longer this delivery's: nothing was written.</returns>
    public async Task<bool> RecordAsync(IReadOnlyList<PostSnapshot> posts, DateTime observedAt, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var page = new PageWrite(PostIngestor.Deduplicate(posts), observedAt, progress.Pages, progress.Posts, progress.Requests, time.GetUtcNow().UtcDateTime);
        if (await session.WriteAsync(page, cancellationToken) is null)
        {
            return false;
        }

        lifecycle.PublishPage(claim, progress);
        return true;
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();
}
