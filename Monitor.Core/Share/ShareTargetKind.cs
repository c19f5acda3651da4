namespace Monitor.Core.Share;

/// <summary>What a share link shows: one profile's dashboard, one group's comparison, or one sent report's PDF.</summary>
public enum ShareTargetKind
{
    Profile,
    Group,
    Report,
}
