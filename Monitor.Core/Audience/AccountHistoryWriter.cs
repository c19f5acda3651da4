using System.Globalization;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Audience;

/// <summary>
/// The one write of an observation, inside the caller's transaction (a run's close): a snapshot when the answer had
/// counters, and the profile's current counters, name, bio, avatar and badge in one set-based update. Both in plain SQL
/// (see <see cref="DirectSql"/>): they run at every run's close.
/// </summary>
internal static class AccountHistoryWriter
{
    public static async Task RecordAsync(MonitorDbContext db, Guid profileId, long? runId, AccountObservation observation, DateTime now,
        CancellationToken cancellationToken)
    {
        var counters = observation.Counters;
        DateTime? observedAt = counters.HasAny ? now : null;
        if (counters.HasAny)
        {
            await DirectSql.ExecuteAsync(db, InsertSnapshotSql,
                [profileId, runId, now, counters.Followers, counters.Following, counters.Likes, counters.Videos, observation.Source], cancellationToken);
        }

        // A field the answer did not carry (null) keeps the stored value: only the carried ones are set. Plain SQL, the
        // same on both databases: as a LINQ update its ten setters were translated again at every run's close (about a
        // tenth of the close's CPU), and through ADO.NET (see DirectSql).
        var sets = new List<string>();
        var values = new List<object>();
        void Set(string column, object? value)
        {
            if (value is not null)
            {
                sets.Add(string.Concat(column, " = @p", values.Count.ToString(CultureInfo.InvariantCulture)));
                values.Add(value);
            }
        }

        Set("follower_count", counters.Followers);
        Set("following_count", counters.Following);
        Set("likes_count", counters.Likes);
        Set("video_count", counters.Videos);
        Set("counters_observed_at", observedAt);
        Set("last_profile_call_at", observation.ProfileCalledAt);
        Set("nickname", observation.Nickname);
        Set("bio", observation.Bio);
        Set("avatar_url", observation.AvatarUrl);
        Set("verified", observation.Verified);
        if (sets.Count == 0)
        {
            return;
        }

        values.Add(profileId);
        // Only this class's column names and placeholders go into the text; every value is a parameter.
        var sql = string.Concat("UPDATE tiktok_profiles SET ", string.Join(", ", sets), " WHERE id = @p", (values.Count - 1).ToString(CultureInfo.InvariantCulture));
        await DirectSql.ExecuteAsync(db, sql, values, cancellationToken);
    }

    private const string InsertSnapshotSql = """
        INSERT INTO tiktok_profile_account_history
            (profile_id, monitoring_log_id, recorded_at, follower_count, following_count, likes_count, video_count, source)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        """;
}
