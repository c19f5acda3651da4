namespace Monitor.Core.Audience;

/// <summary>Where an account snapshot's counters came from.</summary>
public enum AccountSnapshotSource
{
    /// <summary>The <c>author</c> of the feed's posts, read by a run at no extra cost.</summary>
    FeedAuthor,

    /// <summary>The profile endpoint, called by a run (at most once a day, one credit) when the feed carried no counters.</summary>
    ProfileCall,

    /// <summary>The profile endpoint's answer when the profile was added.</summary>
    ProfileAdded,
}
