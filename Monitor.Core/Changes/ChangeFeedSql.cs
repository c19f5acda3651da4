using System.Globalization;
using Monitor.Core.Audience;

namespace Monitor.Core.Changes;

/// <summary>
/// The change feed as one statement: a <c>UNION ALL</c> of its sources, each filtered by profile ({0}) and time range
/// ({1} inclusive, {2} exclusive), with the post each entry is about joined once outside. The same text runs on
/// PostgreSQL and SQLite, and EF composes the kind filter, the order and the paging on top of it. A new source (e.g.
/// "follower milestone crossed" from the account history) is one more entry in <see cref="Sources"/> with the same
/// nine columns.
/// </summary>
internal static class ChangeFeedSql
{
    /// <summary>The milestones as a one-column table; SQLite has no <c>VALUES (...) AS t(m)</c>.</summary>
    private static string MilestoneTable =>
        string.Join(" UNION ALL ", MilestoneProjection.Milestones.Select(m => string.Create(CultureInfo.InvariantCulture, $"SELECT {m} AS m")));

    /// <summary>What a run captured when it happened (triggers, the quality check).</summary>
    private const string Stored = """
        SELECT c.kind, c.occurred_at, c.post_id, c.old_value, c.new_value, c.monitoring_log_id AS run_id, c.id AS source_id,
               CAST(NULL AS TEXT) AS author, CAST(NULL AS BOOLEAN) AS all_day
        FROM tiktok_profile_changes c
        WHERE c.profile_id = {0} AND c.occurred_at >= {1} AND c.occurred_at < {2}
        """;

    /// <summary>Derived from the runs table: failed runs (an interrupted one is retried, not a failure).</summary>
    private static readonly string FailedRuns = $"""
        SELECT '{ChangeKinds.RunFailed}', l.completed_at, NULL, l.failure_reason, l.error, l.id, l.id, NULL, NULL
        FROM profile_monitoring_logs l
        WHERE l.profile_id = {"{0}"} AND l.status = 'failed' AND l.completed_at >= {"{1}"} AND l.completed_at < {"{2}"}
        """;

    /// <summary>Derived from the runs table: completed runs whose values were not trusted.</summary>
    private static readonly string SuspectRuns = $"""
        SELECT '{ChangeKinds.RunSuspect}', l.completed_at, NULL, NULL, l.suspect_reason, l.id, l.id, NULL, NULL
        FROM profile_monitoring_logs l
        WHERE l.profile_id = {"{0}"} AND l.suspect_reason IS NOT NULL AND l.completed_at >= {"{1}"} AND l.completed_at < {"{2}"}
        """;

    /// <summary>Derived from the breakout alerts raised for the profile's posts.</summary>
    private static readonly string Breakouts = $"""
        SELECT '{ChangeKinds.Breakout}', a.sent_at, a.post_id, NULL, a.threshold, NULL, a.id, NULL, NULL
        FROM post_alerts a JOIN tiktok_posts bp ON bp.id = a.post_id
        WHERE bp.profile_id = {"{0}"} AND a.kind = 'breakout' AND a.sent_at >= {"{1}"} AND a.sent_at < {"{2}"}
        """;

    /// <summary>
    /// Derived from the account history: consecutive follower counts (snapshots without one skipped) on either side of a
    /// milestone. The previous count is looked up over the whole history, so the first snapshot in the range still
    /// compares with the one before it; one entry per step, however many milestones it crossed.
    /// </summary>
    private static readonly string FollowerMilestones = $"""
        SELECT '{ChangeKinds.FollowerMilestone}', s.recorded_at, NULL, CAST(s.previous AS TEXT), CAST(s.follower_count AS TEXT),
               s.monitoring_log_id, s.id, NULL, NULL
        FROM (
            SELECT h.id, h.recorded_at, h.follower_count, h.monitoring_log_id,
                   LAG(h.follower_count) OVER (ORDER BY h.recorded_at, h.id) AS previous
            FROM tiktok_profile_account_history h
            WHERE h.profile_id = {"{0}"} AND h.follower_count IS NOT NULL AND h.recorded_at < {"{2}"}
        ) s
        WHERE s.recorded_at >= {"{1}"} AND EXISTS (
            SELECT 1 FROM ({MilestoneTable}) ms
            WHERE (s.previous < ms.m AND s.follower_count >= ms.m) OR (s.previous >= ms.m AND s.follower_count < ms.m))
        """;

    /// <summary>The users' notes.</summary>
    private static readonly string Annotations = $"""
        SELECT '{ChangeKinds.Annotation}', n.occurred_at, NULL, NULL, n.text, NULL, n.id, n.created_by, n.all_day
        FROM tiktok_profile_annotations n
        WHERE n.profile_id = {"{0}"} AND n.occurred_at >= {"{1}"} AND n.occurred_at < {"{2}"}
        """;

    /// <summary>The first source names the columns; every source yields the same nine, in the same order.</summary>
    public static IReadOnlyList<string> Sources { get; } = [Stored, FailedRuns, SuspectRuns, Breakouts, FollowerMilestones, Annotations];

    public static readonly string Feed = $"""
        SELECT f.kind, f.occurred_at, f.post_id, f.old_value, f.new_value, f.run_id, f.source_id, f.author, f.all_day,
               p.aweme_id AS post_aweme_id, p.share_url AS post_url, p.description AS post_caption
        FROM (
        {string.Join("\nUNION ALL\n", Sources)}
        ) f
        LEFT JOIN tiktok_posts p ON p.id = f.post_id
        """;
}
