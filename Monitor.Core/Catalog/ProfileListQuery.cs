using Monitor.Core.Common;

namespace Monitor.Core.Catalog;

/// <summary>Server-side paging, sorting and search for the profiles list.</summary>
public sealed record ProfileListQuery(string? Search = null, string? SortBy = null, bool Descending = false, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;

    /// <summary>What is wrong with this query, by parameter name; empty when the API and the dashboard may run it.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Paging.Problem(Page, PageSize, MaxPageSize) is { } paging)
        {
            problems["page"] = [paging];
        }

        if (Search?.Length > FieldLimits.SearchLength)
        {
            problems["search"] = [$"search is limited to {FieldLimits.SearchLength} characters."];
        }
        else if (FieldLimits.HasForbiddenCharacter(Search))
        {
            problems["search"] = ["search cannot contain control characters."];
        }

        return problems;
    }
}
