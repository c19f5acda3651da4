namespace Monitor.Core.Changes;

/// <summary>
/// The kinds of entry in a profile's change feed, as stored in <c>tiktok_profile_changes.kind</c> (by the triggers of
/// <see cref="ChangeTriggers"/> and by <see cref="UnseenChangesSql"/>) or derived by <see cref="ChangeFeedSql"/>, and as
/// named in the API's <c>kind</c> filter.
/// </summary>
public static class ChangeKinds
{
    public const string CaptionEdited = "caption_edited";
    public const string PostUnseen = "post_unseen";
    public const string PostSeenAgain = "post_seen_again";
    public const string Pinned = "pinned";
    public const string Unpinned = "unpinned";
    public const string HandleChanged = "handle_changed";
    public const string NicknameChanged = "nickname_changed";
    public const string BioChanged = "bio_changed";
    public const string AvatarChanged = "avatar_changed";
    public const string AccountStateChanged = "account_state_changed";

    /// <summary>Derived from the runs table: a run that failed.</summary>
    public const string RunFailed = "run_failed";

    /// <summary>Derived from the runs table: a completed run whose values were not trusted.</summary>
    public const string RunSuspect = "run_suspect";

    /// <summary>Derived from the breakout alerts raised (<c>post_alerts</c>).</summary>
    public const string Breakout = "breakout";

    /// <summary>
    /// Derived from the account history: the followers crossed a milestone of <see cref="Audience.MilestoneProjection.Milestones"/>
    /// between two consecutive snapshots, upwards or downwards (<see cref="FollowerMilestoneCrossing"/>).
    /// </summary>
    public const string FollowerMilestone = "follower_milestone";

    /// <summary>A user's dated note (<see cref="ProfileAnnotation"/>).</summary>
    public const string Annotation = "annotation";

    public static IReadOnlyList<string> All { get; } =
    [
        CaptionEdited, PostUnseen, PostSeenAgain, Pinned, Unpinned, HandleChanged, NicknameChanged, BioChanged, AvatarChanged,
        AccountStateChanged, RunFailed, RunSuspect, Breakout, FollowerMilestone, Annotation,
    ];

    /// <summary>The kinds the charts mark: rare enough to stay readable, unlike every run or every pin.</summary>
    public static IReadOnlyList<string> ChartMarkers { get; } = [Annotation, CaptionEdited, Breakout, HandleChanged, AccountStateChanged, FollowerMilestone];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);

    public static string Label(string kind) => kind switch
    {
        CaptionEdited => "Caption edited",
        PostUnseen => "Post no longer seen",
        PostSeenAgain => "Post seen again",
        Pinned => "Pinned",
        Unpinned => "Unpinned",
        HandleChanged => "Handle changed",
        NicknameChanged => "Nickname changed",
        BioChanged => "Bio changed",
        AvatarChanged => "Avatar changed",
        AccountStateChanged => "Account state changed",
        RunFailed => "Run failed",
        RunSuspect => "Suspect run",
        Breakout => "Breakout",
        FollowerMilestone => "Follower milestone",
        Annotation => "Note",
        _ => kind,
    };
}
