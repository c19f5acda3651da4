namespace Monitor.Core.Quality;

/// <summary>
/// When a post counts as "not seen since …". A profile's choice to leave such posts out of its totals is a monitoring
/// setting, changed through <see cref="Scheduling.ProfileSchedule"/>, which recomputes the totals in the same transaction.
/// </summary>
public static class UnseenPostsService
{
    /// <summary>When a post with these sightings is "not seen since": its last sighting, once it missed enough full scans.</summary>
    public static DateTime? NotSeenSince(int missingFullScans, DateTime lastSeenAt, int unseenAfterFullScans) =>
        missingFullScans >= unseenAfterFullScans ? lastSeenAt : null;
}
