using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Audience;

/// <summary>
/// The one write of an observation, inside the caller's transaction (a run's close): a snapshot when the answer had
/// counters (added to the context: the caller's save writes it with the rest of the close), and the profile's current
/// counters, name, bio, avatar and badge in one set-based update.
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
            db.AccountHistory.Add(new ProfileAccountSnapshot
            {
                ProfileId = profileId,
                MonitoringLogId = runId,
                RecordedAt = now,
                FollowerCount = counters.Followers,
                FollowingCount = counters.Following,
                LikesCount = counters.Likes,
                VideoCount = counters.Videos,
                Source = observation.Source,
            });
        }

        // A field the answer did not carry (null) keeps the stored value.
        await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.FollowerCount, p => counters.Followers ?? p.FollowerCount)
            .SetProperty(p => p.FollowingCount, p => counters.Following ?? p.FollowingCount)
            .SetProperty(p => p.LikesCount, p => counters.Likes ?? p.LikesCount)
            .SetProperty(p => p.VideoCount, p => counters.Videos ?? p.VideoCount)
            .SetProperty(p => p.CountersObservedAt, p => observedAt ?? p.CountersObservedAt)
            .SetProperty(p => p.LastProfileCallAt, p => observation.ProfileCalledAt ?? p.LastProfileCallAt)
            .SetProperty(p => p.Nickname, p => observation.Nickname ?? p.Nickname)
            .SetProperty(p => p.Bio, p => observation.Bio ?? p.Bio)
            .SetProperty(p => p.AvatarUrl, p => observation.AvatarUrl ?? p.AvatarUrl)
            .SetProperty(p => p.Verified, p => observation.Verified ?? p.Verified), cancellationToken);
    }
}
