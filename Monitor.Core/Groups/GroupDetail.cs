namespace Monitor.Core.Groups;

/// <summary>A group with its members (own profile first, then by handle) and the cap they count against.</summary>
public sealed record GroupDetail(
    Guid Id,
    string Name,
    string? Description,
    int MaxMembers,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<GroupMemberView> Members);
