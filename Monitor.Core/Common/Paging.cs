using System.Globalization;

namespace Monitor.Core.Common;

/// <summary>
/// The bounds of every paged list. The offset is computed in SQL as (page - 1) × pageSize: unbounded, a page number
/// near int.MaxValue overflows it into a negative OFFSET that the database refuses with an error.
/// </summary>
public static class Paging
{
    /// <summary>With the largest page size (1,000) the offset stays below 10^9, inside 32 bits.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A sentence saying what is wrong with the paging, or null when it is acceptable.</summary>
    public static string? Problem(int page, int pageSize, int maxPageSize) =>
        page is < 1 or > MaxPage || pageSize < 1 || pageSize > maxPageSize
            ? string.Create(CultureInfo.InvariantCulture, $"page is 1–{MaxPage:N0}; pageSize is 1–{maxPageSize:N0}.")
            : null;

    /// <summary>The page clamped into range, for callers (the dashboard) that do not go through the API's validation.</summary>
    public static int ClampPage(int page) => Math.Clamp(page, 1, MaxPage);

    public static int Offset(int page, int pageSize) => (ClampPage(page) - 1) * pageSize;
}
