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
                select new Change(post.ProfileId, post.Id, post.CoverUrl!, reference == null ? null : reference.Id))
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
                select new Change(profile.Id, null, profile.AvatarUrl!, reference == null ? null : reference.Id))
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

        var ids = rows.Where(r => r.ReferenceId is not null).Select(r => r.ReferenceId!.Value).ToList();
        var existing = await db.MediaReferences.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var marked = 0;
        foreach (var row in rows)
        {
            if (row.ReferenceId is { } id && existing.TryGetValue(id, out var reference))
            {
                var keepsCopy = reference.State == MediaState.Cached && MediaUrl.SameImage(reference.SourceUrl, row.Url);
                reference.SourceUrl = row.Url;
                if (!keepsCopy)
                {
                    Mark(reference);
                    marked++;
                }
            }
            else
            {
                var added = new MediaReference { Kind = kind, ProfileId = row.ProfileId, PostId = row.PostId, SourceUrl = row.Url };
                Mark(added);
                db.MediaReferences.Add(added);
                marked++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return marked;
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

    private sealed record Change(Guid ProfileId, long? PostId, string Url, long? ReferenceId);
}
