using Monitor.Core.Scraping;

namespace Monitor.Core.Audience;

/// <summary>
/// What one run (or the add) learnt about the account: its counters and, from the same answer, the name, bio, avatar
/// and verified badge. A null field was not in the answer and leaves the stored one as it is.
/// </summary>
public sealed record AccountObservation(AccountCounters Counters, AccountSnapshotSource Source, string? Nickname, string? Bio, string? AvatarUrl, bool? Verified)
{
    /// <summary>When this run called the profile endpoint for it (answered or not): the once-a-day rule counts from here.</summary>
    public DateTime? ProfileCalledAt { get; init; }

    /// <summary>The observer made the profile call itself (one more upstream request for the run).</summary>
    public bool MadeProfileCall { get; init; }

    /// <summary>The feed's author object has no documented verified flag: the badge is left as it is.</summary>
    public static AccountObservation FromFeed(FeedAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return new(author.Counters, AccountSnapshotSource.FeedAuthor, author.Nickname, author.Bio, author.AvatarUrl, Verified: null);
    }

    public static AccountObservation FromProfile(UpstreamProfile profile, AccountSnapshotSource source, DateTime calledAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Counters, source, profile.Nickname, profile.Bio, profile.AvatarUrl, profile.Verified) { ProfileCalledAt = calledAt };
    }

    /// <summary>A profile call that failed: nothing learnt, but today's call is spent.</summary>
    public static AccountObservation FailedCall(DateTime calledAt) =>
        new(new AccountCounters(null, null, null, null), AccountSnapshotSource.ProfileCall, null, null, null, null) { ProfileCalledAt = calledAt, MadeProfileCall = true };
}
