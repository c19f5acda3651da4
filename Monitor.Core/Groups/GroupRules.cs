namespace Monitor.Core.Groups;

/// <summary>The limits of a group's fields, for the columns and every door that checks them.</summary>
public static class GroupRules
{
    public const int NameLength = 100;
    public const int DescriptionLength = 1000;

    /// <summary>Sprout Social's cap, and the size the compare benchmark answers in under a second.</summary>
    public const int DefaultMaxMembers = 20;

    /// <summary>The highest <c>Groups:MaxMembers</c> accepted: a side-by-side table wider than this is no longer read.</summary>
    public const int MaxMembersLimit = 100;
}
