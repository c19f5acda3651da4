using Monitor.Core.Common;

namespace Monitor.Core.Groups;

/// <summary>Checks and cleans a group's name and description the same way for the API and the dashboard.</summary>
public static class GroupInput
{
    /// <returns>The trimmed name, or the problem with it.</returns>
    public static (string? Name, string? Problem) Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, "name is required.");
        }

        if (trimmed.Length > GroupRules.NameLength)
        {
            return (null, $"name is limited to {GroupRules.NameLength} characters.");
        }

        return FieldLimits.HasForbiddenCharacter(trimmed) ? (null, "name cannot contain control characters.") : (trimmed, null);
    }

    /// <returns>The trimmed description (null when empty), or the problem with it.</returns>
    public static (string? Description, string? Problem) Description(string? description)
    {
        var trimmed = description?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, null);
        }

        if (trimmed.Length > GroupRules.DescriptionLength)
        {
            return (null, $"description is limited to {GroupRules.DescriptionLength} characters.");
        }

        return FieldLimits.HasForbiddenCharacter(trimmed) ? (null, "description cannot contain control characters.") : (trimmed, null);
    }

    public static string Normalize(string name) => name.ToUpperInvariant();
}
