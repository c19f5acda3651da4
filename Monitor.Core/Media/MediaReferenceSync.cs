using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Core.Media;

/// <summary>
/// Finds covers and avatars whose URL is new or changed since the reference was written, and marks them for download.
/// A URL that only changed its signature (same path) keeps its cached copy and is not downloaded again.
/// </summary>
internal sealed class MediaReferenceSync(IDbContextFactory<MonitorDbContext> contextFactory)
{
    private const int PageSize = 500;

    /// <returns>References created or marked for download.</returns>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var marked = 0;
        int seen;
        do
        {
            (seen, var changed) = await SyncCoversAsync(cancellationToken);
            marked += changed;
        }
        while (seen == PageSize);

        do
        {
            (seen, var changed) = await SyncAvatarsAsync(cancellationToken);
            marked += changed;
        }
        while (seen == PageSize);

        return marked;
    }

    private async Task<(int Seen, int Marked)> SyncCoversAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from post in db.Posts
                where post.CoverUrl != null
                join reference in db.MediaReferences on (long?)post.Id equals reference.PostId into references
                from reference in references.DefaultIfEmpty()
                where reference == null || reference.SourceUrl != post.CoverUrl
                orderby post.Id
                select new Change(post.ProfileId, post.Id, post.CoverUrl!, reference == null ? null : reference.Id,
                    reference == null ? null : reference.State, reference == null ? null : reference.SourceUrl))
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return (rows.Count, await ApplyAsync(db, MediaKind.Cover, rows, cancellationToken));
    }

    private async Task<(int Seen, int Marked)> SyncAvatarsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from profile in db.Profiles
                where profile.AvatarUrl != null
                join reference in db.MediaReferences.Where(r => r.Kind == MediaKind.Avatar) on profile.Id equals reference.ProfileId into references
                from reference in references.DefaultIfEmpty()
                where reference == null || reference.SourceUrl != profile.AvatarUrl
                orderby profile.Id
                select new Change(profile.Id, null, profile.AvatarUrl!, reference == null ? null : reference.Id,
                    reference == null ? null : reference.State, reference == null ? null : reference.SourceUrl))
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return (rows.Count, await ApplyAsync(db, MediaKind.Avatar, rows, cancellationToken));
    }

    private static async Task<int> ApplyAsync(MonitorDbContext db, MediaKind kind, List<Change> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var signed = rows.Where(r => r.KeepsCopy).ToList();
        if (signed.Count > 0)
        {
            await RenewSignedUrlsAsync(db, kind, signed, cancellationToken);
        }

        var changed = rows.Where(r => !r.KeepsCopy).ToList();
        var ids = changed.Where(r => r.ReferenceId is not null).Select(r => r.ReferenceId!.Value).ToList();
        var existing = ids.Count == 0
            ? []
            : await db.MediaReferences.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var row in changed)
        {
            if (row.ReferenceId is { } id && existing.TryGetValue(id, out var reference))
            {
                reference.SourceUrl = row.Url;
                Mark(reference);
            }
            else
            {
                var added = new MediaReference { Kind = kind, ProfileId = row.ProfileId, PostId = row.PostId, SourceUrl = row.Url };
                Mark(added);
                db.MediaReferences.Add(added);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed.Count;
    }

    /// <summary>
    /// Every scrape re-signs every cover, so this is most of a pass's rows: one statement instead of an entity each. The
    /// reference takes its owner's current URL only while that is still the URL read (a URL names its post's image), so a
    /// cover changed meanwhile is left for the next page or pass to compare.
    /// </summary>
    private static Task<int> RenewSignedUrlsAsync(MonitorDbContext db, MediaKind kind, List<Change> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.ReferenceId!.Value).ToList();
        var urls = rows.Select(r => r.Url).ToList();
        var references = db.MediaReferences.Where(r => ids.Contains(r.Id));
        // Correlated subqueries, not navigations: EF cannot translate a setter that reads through a join.
        return kind == MediaKind.Cover
            ? references
                .Where(r => urls.Contains(db.Set<TiktokPost>().Where(p => p.Id == r.PostId).Select(p => p.CoverUrl).FirstOrDefault()!))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.SourceUrl, r => db.Set<TiktokPost>().Where(p => p.Id == r.PostId).Select(p => p.CoverUrl).FirstOrDefault()!),
                    cancellationToken)
            : references
                .Where(r => urls.Contains(db.Set<TiktokProfile>().Where(p => p.Id == r.ProfileId).Select(p => p.AvatarUrl).FirstOrDefault()!))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.SourceUrl, r => db.Set<TiktokProfile>().Where(p => p.Id == r.ProfileId).Select(p => p.AvatarUrl).FirstOrDefault()!),
                    cancellationToken);
    }

    /// <summary>A new URL starts over: pending with no failures, or given up at once when it is not http(s) (a data: URI).</summary>
    private static void Mark(MediaReference reference)
    {
        var fetchable = MediaUrl.TryParse(reference.SourceUrl, out _);
        reference.State = fetchable ? MediaState.Pending : MediaState.GaveUp;
        reference.Attempts = 0;
        reference.NextAttemptAt = null;
        reference.LastError = fetchable ? null : "Not an http(s) URL.";
    }

    private sealed record Change(Guid ProfileId, long? PostId, string Url, long? ReferenceId, MediaState? State, string? StoredUrl)
    {
        /// <summary>A URL that only changed its signature (same path) keeps the cached copy: no download.</summary>
        public bool KeepsCopy => ReferenceId is not null && State == MediaState.Cached && MediaUrl.SameImage(StoredUrl, Url);
    }
}
