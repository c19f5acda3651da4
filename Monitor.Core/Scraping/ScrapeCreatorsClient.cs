namespace Monitor.Core.Scraping;

/// <summary>Placeholder surface; the Refit-backed implementation replaces this file.</summary>
public sealed class ScrapeCreatorsClient(TimeProvider timeProvider)
{
    public Task<UpstreamProfile> GetProfileAsync(string handle, CancellationToken cancellationToken) =>
        throw new ScrapeCreatorsException(ScrapeErrorKind.BadRequest, $"Not wired yet: {handle} {timeProvider.GetUtcNow()}");

    public Task<PostsPage> GetPostsPageAsync(string handle, string? userId, string? cursor, CancellationToken cancellationToken) =>
        throw new ScrapeCreatorsException(ScrapeErrorKind.BadRequest, $"Not wired yet: {handle} {timeProvider.GetUtcNow()}");
}
