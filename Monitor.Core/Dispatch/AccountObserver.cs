using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Audience;
using Monitor.Core.Common;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

/// <summary>
/// Decides where a run's account counters come from: the feed's author counters (free), else a profile answer the run
/// already has, else one profile call when <see cref="ProfileCallPolicy"/> allows it. The call runs inside the run's
/// credit scope, so the ledger books it to the run like its pages.
/// </summary>
public sealed class AccountObserver(
    ScrapeCreatorsClient upstream,
    UpstreamSlots slots,
    IOptions<MonitoringOptions> options,
    ReportingTimeZone zone,
    TimeProvider time,
    ILogger<AccountObserver> logger)
{
    /// <param name="feedAuthor">The counters the run's pages carried, if any.</param>
    /// <param name="profileAnswer">A profile answer the run already paid for (the empty-feed check), if any.</param>
    /// <returns>What to record at the run's close; null when there is nothing (no counters, no call due).</returns>
    public async Task<AccountObservation?> ObserveAsync(RunTarget profile, FeedAuthor? feedAuthor, UpstreamProfile? profileAnswer,
        DateTime profileAnsweredAt, bool manual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (feedAuthor is not null)
        {
            return AccountObservation.FromFeed(feedAuthor);
        }

        if (profileAnswer is not null)
        {
            return AccountObservation.FromProfile(profileAnswer, AccountSnapshotSource.ProfileCall, profileAnsweredAt);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!ProfileCallPolicy.IsDue(options.Value.AccountCounters.DailyProfileCall, profile.LastProfileCallAt, now, zone))
        {
            return null;
        }

        try
        {
            var answer = await slots.CallAsync(token => upstream.GetProfileAsync(profile.Handle, token), manual, cancellationToken);
            return AccountObservation.FromProfile(answer, AccountSnapshotSource.ProfileCall, now) with { MadeProfileCall = true };
        }
        catch (ScrapeCreatorsException ex)
        {
            // The posts are what the run is for: a failed counters call costs the day's call, not the run.
            logger.LogWarning("The daily profile call for @{Handle} failed ({Kind}); its account counters wait for tomorrow", profile.Handle, ex.Kind);
            return AccountObservation.FailedCall(now);
        }
    }
}
