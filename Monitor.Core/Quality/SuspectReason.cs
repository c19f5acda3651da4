namespace Monitor.Core.Quality;

/// <summary>Why a completed run's values were not trusted, stored as a column next to its two numbers.</summary>
public enum SuspectReason
{
    /// <summary>A full scan saw far fewer posts than the previous full scan (observed posts, previous scan's posts).</summary>
    PostCountDrop,

    /// <summary>The first page was empty for a profile that has posts: a throttled 200 (observed 0, posts stored).</summary>
    EmptyFirstPage,

    /// <summary>Views fell for many posts at once (posts whose views fell, posts compared).</summary>
    CountersDropped,
}
