using Monitor.Core.Profiles;

namespace Monitor.Core.Groups;

/// <summary>A profile in a group; <see cref="IsOwn"/> marks "us" (at most one a group, enforced by a filtered unique index).</summary>
public sealed class ProfileGroupMember
{
    public Guid GroupId { get; set; }
    public ProfileGroup? Group { get; set; }

    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }

    public bool IsOwn { get; set; }

    public DateTime AddedAt { get; set; }
}
