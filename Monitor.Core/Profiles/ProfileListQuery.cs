namespace Monitor.Core.Profiles;

/// <summary>Server-side paging, sorting and search for the profiles list.</summary>
public sealed record ProfileListQuery(string? Search = null, string? SortBy = null, bool Descending = false, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;
}
