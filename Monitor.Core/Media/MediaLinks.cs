using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Media;

/// <summary>The app's URLs of cached copies (<c>/media/{hash}</c>), looked up for a page of profiles or posts in one query.</summary>
public static class MediaLinks
{
    public const string RoutePrefix = "/media";

    public static string UrlOf(string hash) => $"{RoutePrefix}/{hash}";

    public static async Task<IReadOnlyDictionary<Guid, string>> AvatarsAsync(
        MonitorDbContext db, IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (profileIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var rows = await db.MediaReferences.AsNoTracking()
            .Where(r => r.Kind == MediaKind.Avatar && r.Hash != null && profileIds.Contains(r.ProfileId))
            .Select(r => new { r.ProfileId, r.Hash })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ProfileId).ToDictionary(g => g.Key, g => UrlOf(g.First().Hash!));
    }

    public static async Task<IReadOnlyDictionary<long, string>> CoversAsync(
        MonitorDbContext db, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (postIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var rows = await db.MediaReferences.AsNoTracking()
            .Where(r => r.PostId != null && r.Hash != null && postIds.Contains(r.PostId.Value))
            .Select(r => new { PostId = r.PostId!.Value, r.Hash })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PostId, r => UrlOf(r.Hash!));
    }
}
