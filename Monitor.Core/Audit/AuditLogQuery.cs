using Monitor.Core.Common;

namespace Monitor.Core.Audit;

/// <summary>
/// A page of the audit log, newest first. <see cref="Actor"/> matches part of the actor's name; <see cref="Action"/> is an
/// action name (<c>profile.added</c>) or its first part (<c>profile</c>: every profile action); <see cref="Target"/>
/// matches part of the target's label or its exact id. The period is [From, To) in UTC.
/// </summary>
public sealed record AuditLogQuery(
    DateTime? From = null, DateTime? To = null, string? Actor = null, string? Action = null, string? Target = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;

    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Paging.Problem(Page, PageSize, MaxPageSize) is { } paging)
        {
            problems["page"] = [paging];
        }

        if (From is { } from && To is { } to && from >= to)
        {
            problems["to"] = ["to must be later than from."];
        }

        foreach (var (name, value) in new[] { ("actor", Actor), ("action", Action), ("target", Target) })
        {
            if (value?.Length > FieldLimits.SearchLength)
            {
                problems[name] = [$"{name} is limited to {FieldLimits.SearchLength} characters."];
            }
            else if (FieldLimits.HasForbiddenCharacter(value))
            {
                problems[name] = [$"{name} cannot contain control characters."];
            }
        }

        return problems;
    }
}
