namespace Monitor.Core.Changes;

/// <summary>
/// Posts that become "not seen since …" or stop being so, recorded at a trusted full scan's close, just before the
/// scan's misses are counted (<c>QualitySql.CountMissing</c>). Not a trigger: the threshold
/// (<c>Monitoring:Quality:UnseenAfterFullScans</c>) is configuration the database does not know. @p0 the profile, @p1
/// the scan's start, @p2 the threshold, @p3 the run (its close time is the entries' time).
/// </summary>
internal static class UnseenChangesSql
{
    public const string Record = $"""
        INSERT INTO tiktok_profile_changes (profile_id, post_id, kind, old_value, new_value, occurred_at, monitoring_log_id)
        SELECT p.profile_id, p.id,
               CASE WHEN p.last_seen_at >= @p1 THEN '{ChangeKinds.PostSeenAgain}' ELSE '{ChangeKinds.PostUnseen}' END,
               NULL, NULL, (SELECT l.completed_at FROM profile_monitoring_logs l WHERE l.id = @p3), @p3
        FROM tiktok_posts p
        WHERE p.profile_id = @p0
          AND ((p.last_seen_at >= @p1 AND p.missing_full_scans >= @p2)
            OR (p.last_seen_at < @p1 AND p.missing_full_scans = @p2 - 1))
        """;
}
