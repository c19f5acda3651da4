using System.Runtime.CompilerServices;
using Monitor.Core.Data;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Media;
using Monitor.Core.Posts;
using Monitor.Core.Quality;

namespace Monitor.Core.Catalog;

/// <summary>
/// A page of posts whose count and rows are read, and whose items (with their history) are produced in chunks as they
/// are enumerated: a large page is written to the response as it is read instead of held whole. Holds its context
/// until disposed; enumerate <see cref="Items"/> once. The JSON shape is <see cref="Common.PagedResult{T}"/>'s.
/// </summary>
public sealed class PostPage : IAsyncDisposable
{
    /// <summary>Posts whose history is read by one query (one LATERAL query on PostgreSQL) before they are produced.</summary>
    public const int ChunkSize = 100;

    private readonly MonitorDbContext _db;
    private readonly IReadOnlyList<TiktokPost> _rows;
    private readonly int _depth;
    private readonly int _unseenAfterFullScans;

    internal PostPage(MonitorDbContext db, IReadOnlyList<TiktokPost> rows, int depth, int unseenAfterFullScans, int totalCount, int page, int pageSize)
    {
        _db = db;
        _rows = rows;
        _depth = depth;
        _unseenAfterFullScans = unseenAfterFullScans;
        TotalCount = totalCount;
        Page = page;
        PageSize = pageSize;
        Items = ReadAsync();
    }

    public IAsyncEnumerable<PostDto> Items { get; }

    public int TotalCount { get; }

    public int Page { get; }

    public int PageSize { get; }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async IAsyncEnumerable<PostDto> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in _rows.Chunk(ChunkSize))
        {
            long[] ids = [.. chunk.Select(p => p.Id)];
            var history = await NewestSnapshotsQuery.RunAsync(_db, ids, _depth, cancellationToken);
            var covers = await MediaLinks.CoversAsync(_db, ids, cancellationToken);
            var hashtags = await PostHashtagsQuery.RunAsync(_db, ids, cancellationToken);
            var followers = await FollowersAtPosting.ForPostsAsync(_db, ids, cancellationToken);
            foreach (var p in chunk)
            {
                yield return PostDto.From(p, hashtags.GetValueOrDefault(p.Id), _depth == 0 ? null : history.GetValueOrDefault(p.Id) ?? [],
                    covers.GetValueOrDefault(p.Id)) with
                {
                    NotSeenSince = UnseenPostsService.NotSeenSince(p.MissingFullScans, p.LastSeenAt, _unseenAfterFullScans),
                    FollowersAtPosting = followers.TryGetValue(p.Id, out var count) ? count : null,
                };
            }
        }
    }
}
