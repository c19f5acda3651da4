using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>Downloads the references that are due, at most <c>Media:Concurrency</c> at a time, and records each outcome.</summary>
internal sealed class MediaFetcher(
    IDbContextFactory<MonitorDbContext> contextFactory,
    MediaDownloader downloader,
    IMediaBlobStore store,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaFetcher> logger)
{
    /// <returns>How many were stored and how many failed.</returns>
    public async Task<(int Stored, int Failed)> FetchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        List<DueReference> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.MediaReferences.AsNoTracking()
                .Where(r => r.State == MediaState.Pending && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
                .OrderBy(r => r.Id)
                .Take(settings.BatchSize)
                .Select(r => new DueReference(r.Id, r.SourceUrl))
                .ToListAsync(cancellationToken);
        }

        if (due.Count == 0)
        {
            return (0, 0);
        }

        // Owners sharing one URL are downloaded once.
        var outcomes = new ConcurrentDictionary<string, MediaDownload>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            due.Select(d => d.Url).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (url, token) =>
            {
                var download = await downloader.DownloadAsync(url, token);
                if (download.Succeeded)
                {
                    await store.SaveAsync(download.Hash!, download.ContentType!, download.Bytes!, token);
                }

                outcomes[url] = download;
            });

        return await RecordAsync(due, outcomes, settings, cancellationToken);
    }

    private async Task<(int Stored, int Failed)> RecordAsync(
        List<DueReference> due, ConcurrentDictionary<string, MediaDownload> outcomes, MediaOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = due.Select(d => d.Id).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var references = await db.MediaReferences.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        int stored = 0, failed = 0;
        foreach (var reference in references)
        {
            // The owner's URL may have changed meanwhile; that URL gets its own download.
            if (reference.State != MediaState.Pending || !outcomes.TryGetValue(reference.SourceUrl, out var download))
            {
                continue;
            }

            if (download.Succeeded)
            {
                reference.State = MediaState.Cached;
                reference.Hash = download.Hash;
                reference.ContentType = download.ContentType;
                reference.Size = download.Bytes!.Length;
                reference.FetchedAt = now;
                reference.Attempts = 0;
                reference.NextAttemptAt = null;
                reference.LastError = null;
                stored++;
                continue;
            }

            reference.Attempts++;
            reference.LastError = download.Error is { } text ? FieldLimits.Cut(text, 300) : null;
            var next = download.Permanent ? null : MediaRetry.NextAttempt(reference.Attempts, now, settings);
            reference.State = next is null ? MediaState.GaveUp : MediaState.Pending;
            reference.NextAttemptAt = next;
            failed++;
            logger.LogDebug("Media {Kind} of profile {ProfileId} not cached (attempt {Attempt}): {Error}", reference.Kind, reference.ProfileId, reference.Attempts, download.Error);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (stored, failed);
    }

    private sealed record DueReference(long Id, string Url);
}
