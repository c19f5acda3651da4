using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>The bulk endpoint's work: the run's own ingest path, then the totals.</summary>
public sealed class BulkPostService(IDbContextFactory<MonitorDbContext> contextFactory, PostIngestor ingestor, IOptions<QualityOptions> quality, AuditTrail audit, TimeProvider time)
{
    public const int MaxPosts = 5_000;

    /// <returns>Null when the profile does not exist.</returns>
    public async Task<BulkUpsertResult?> UpsertAsync(Guid profileId, IReadOnlyList<PostSnapshot> posts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            // Stored as filters look them up: "#Dance" and "dance" are one tag.
            var spelt = posts.Select(p => p.Hashtags is { } tags ? p with { Hashtags = Hashtags.NormalizeAll(tags) } : p).ToList();
            var written = await ingestor.IngestAsync(profileId, spelt, now, cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var totals = await ProfileTotalsCalculator.RecomputeAsync(db, profileId, now, quality.Value.UnseenAfterFullScans, cancellationToken);
            await audit.RecordAsync(AuditActions.PostsImported, await audit.ProfileTargetAsync(profileId, cancellationToken),
                AuditChange.Added(new { Posts = posts.Count, Written = written }), cancellationToken);
            return new BulkUpsertResult(written, totals.Posts, totals.Metrics);
        }
        catch (ProfileDeletedException)
        {
            return null;
        }
    }
}
