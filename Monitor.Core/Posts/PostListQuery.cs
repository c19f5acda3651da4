using Monitor.Core.Common;

namespace Monitor.Core.Posts;

/// <summary>
/// A page of a profile's posts. <see cref="HistoryDepth"/> newest snapshots per post come along (0 = none);
/// <see cref="Filter"/> narrows them by their free signals.
/// </summary>
public sealed record PostListQuery(int Page = 1, int PageSize = 100, int HistoryDepth = 0, string? SortBy = null, bool Descending = true, PostFilter? Filter = null)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;
    public const int MaxHistoryDepth = 30;

    /// <summary>What is wrong with this query, by parameter name; empty when it may run.</summary>
    public Dictionary<string, string[]> Problems() =>
        Paging.Problem(Page, PageSize, MaxPageSize) is { } paging ? new() { ["page"] = [paging] } : [];
}
