namespace Monitor.Core.Groups;

/// <summary>Section "Groups".</summary>
public sealed class GroupOptions
{
    public const string SectionName = "Groups";

    /// <summary>Profiles a group may hold (1–<see cref="GroupRules.MaxMembersLimit"/>).</summary>
    public int MaxMembers { get; set; } = GroupRules.DefaultMaxMembers;
}
