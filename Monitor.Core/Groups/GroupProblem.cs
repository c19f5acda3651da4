namespace Monitor.Core.Groups;

/// <summary>Why a change to a group was refused; each maps to one HTTP status and one message.</summary>
public enum GroupProblem
{
    None,

    /// <summary>A field is missing or out of bounds (<see cref="GroupResult.Field"/> names it).</summary>
    InvalidField,

    GroupNotFound,
    ProfileNotFound,
    NotAMember,

    /// <summary>The profile exists but the group's workspace does not watch it: a group holds only its workspace's profiles.</summary>
    ProfileOutsideWorkspace,
    DuplicateName,

    /// <summary>The group already holds <c>Groups:MaxMembers</c> profiles.</summary>
    GroupFull,

    /// <summary>Another change to the same group won a race (an own mark, a member added twice, a deletion).</summary>
    ConcurrentChange,
}
