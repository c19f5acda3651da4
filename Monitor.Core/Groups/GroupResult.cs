namespace Monitor.Core.Groups;

/// <summary>What a change came to: the group as it now is, or the problem, with the field and a message for the person who asked.</summary>
public sealed record GroupResult(GroupProblem Problem, GroupDetail? Group = null, string? Field = null, string? Message = null)
{
    public bool Succeeded => Problem == GroupProblem.None;

    public static GroupResult Ok(GroupDetail group) => new(GroupProblem.None, group);

    public static GroupResult Invalid(string field, string message) => new(GroupProblem.InvalidField, Field: field, Message: message);

    public static GroupResult NoGroup(Guid id) => new(GroupProblem.GroupNotFound, Message: $"No group has id {id}.");

    public static GroupResult NoProfile(Guid id) => new(GroupProblem.ProfileNotFound, Field: "profileId", Message: $"No profile has id {id}.");

    public static GroupResult Duplicate(string name) => new(GroupProblem.DuplicateName, Field: "name", Message: $"A group named \"{name}\" already exists.");
}
