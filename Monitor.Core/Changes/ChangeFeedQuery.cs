using Monitor.Core.Common;
namespace Monitor.Core.Changes;

/// <summary>A page of a profile's change feed: a time range (<see cref="ChangeDates"/>; a day "to" includes that day), kinds, paging.</summary>
public sealed record ChangeFeedQuery(string? From = null, string? To = null, string? Kind = null, int Page = 1, int PageSize = ChangeLimits.DefaultPageSize)
{
    /// <summary>The kinds asked for (comma-separated), or every kind.</summary>
    public IReadOnlyList<string> Kinds =>
        string.IsNullOrWhiteSpace(Kind) ? ChangeKinds.All : [.. Kind.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    /// <returns>The problems, by parameter, naming what is wrong; empty when the query is acceptable.</returns>
    public Dictionary<string, string[]> Problems(ReportingTimeZone zone)
    {
        var problems = new Dictionary<string, string[]>();
        if (Paging.Problem(Page, PageSize, ChangeLimits.MaxPageSize) is { } paging)
        {
            problems["page"] = [paging];
        }

        var unknown = Kinds.Where(k => !ChangeKinds.IsKnown(k)).ToList();
        if (unknown.Count > 0 || Kinds.Count == 0)
        {
            problems["kind"] = [$"Unknown kind {string.Join(", ", unknown)}; kind is a comma-separated list of: {string.Join(", ", ChangeKinds.All)}."];
        }

        if (From is not null && ChangeDates.Parse(From, zone) is null)
        {
            problems["from"] = [$"from is {ChangeDates.Rule}."];
        }

        if (To is not null && ChangeDates.Parse(To, zone) is null)
        {
            problems["to"] = [$"to is {ChangeDates.Rule}."];
        }

        if (problems.Count == 0 && Range(zone) is var (from, to) && from >= to)
        {
            problems["to"] = ["to must be after from."];
        }

        return problems;
    }

    /// <summary>The range as UTC instants, [from, to); a day as "to" runs to the end of that day.</summary>
    public (DateTime From, DateTime To) Range(ReportingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var from = ChangeDates.Parse(From, zone)?.At ?? ChangeLimits.MinDate;
        var to = ChangeDates.Parse(To, zone) switch
        {
            { Day: { } day } => zone.StartOf(day.AddDays(1)),
            { At: var at } => at,
            null => ChangeLimits.MaxDate,
        };
        return (from, to);
    }
}
