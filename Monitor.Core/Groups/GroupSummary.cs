namespace Monitor.Core.Groups;

/// <summary>A group in the list: its size and its own profile, if one is marked.</summary>
public sealed record GroupSummary(
    Guid Id,
    string Name,
    string? Description,
    int MemberCount,
    Guid? OwnProfileId,
    string? OwnHandle,
    DateTime CreatedAt,
    DateTime UpdatedAt);
