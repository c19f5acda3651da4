using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Audience;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scans;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

/// <summary>
/// One monitoring attempt for the profile of a pending log: claim it, page through the whole feed writing each page
/// (posts, history, progress, heartbeat) in its own transaction, then close it. Every write of the run goes through
/// <see cref="RunLifecycle"/>, conditional on this delivery's claim; a delivery that finds the run not pending does nothing.
/// </summary>
public sealed class MonitoringRunner(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ScrapeCreatorsClient upstream,
    RunLifecycle lifecycle,
    RunShutdown shutdown,
    UpstreamSlots slots,
    AccountObserver accountObserver,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    Telemetry.MonitorInstruments instruments,
    ILogger<MonitoringRunner> logger)
{
    /// <summary>Claims the pending run <paramref name="runId"/> and executes it (a test, a tool; the queue claims in batches).</summary>
    public async Task<RunOutcome> RunAsync(long runId, CancellationToken cancellationToken)
    {
        using var active = shutdown.Enter();
        if (shutdown.Stopping.IsCancellationRequested)
        {
            // Delivered while the worker stops: leave it pending for the next node or start.
            return await CurrentOutcomeAsync(runId, cancellationToken);
        }

        var claim = await lifecycle.ClaimAsync(runId, cancellationToken);
        if (claim is null)
        {
            // Started twice, or deleted: the owner of the claim, if any, does the work.
            return await CurrentOutcomeAsync(runId, cancellationToken);
        }

        return await ExecuteAsync(claim, cancellationToken);
    }

    /// <summary>
    /// Executes a run the queue has already claimed for this process (<see cref="RunLifecycle.ClaimDueAsync"/>). Claimed
    /// as this worker began to stop, it is handed back to the queue, pending, for another node or the next start.
    /// </summary>
    public async Task<RunOutcome> RunClaimedAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var active = shutdown.Enter();
        if (shutdown.Stopping.IsCancellationRequested)
        {
            await lifecycle.HandBackAsync(claim, CancellationToken.None);
            return await CurrentOutcomeAsync(claim.LogId, CancellationToken.None);
        }

        return await ExecuteAsync(claim, cancellationToken);
    }

    private async Task<RunOutcome> ExecuteAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        // Every upstream request below, retries included, is booked to this run in the credit ledger.
        using var credits = CreditRunContext.Begin(claim.ProfileId, claim.LogId);
        var profile = await LoadProfileAsync(claim.ProfileId, cancellationToken);
        using var lostClaim = new CancellationTokenSource();
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Aborted, lostClaim.Token);
        using var betweenPages = CancellationTokenSource.CreateLinkedTokenSource(work.Token, shutdown.Stopping);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = KeepAliveAsync(claim, lostClaim, heartbeatStop.Token);
        var pager = new FeedPager(options.Value.MaxPages);
        // A by-age run reads the posts younger than its window, counted from its start.
        DateTime? cutoff = claim.Scope.Window is { } window ? time.GetUtcNow().UtcDateTime - window : null;
        var requests = 0;
        // A manual run's pages take a freed upstream slot before other runs' (UpstreamSlots).
        var manual = claim.Trigger == MonitoringTrigger.Manual;
        var oddPosts = new List<OddPost>();
        RunProgress Progress() => new(pager.Pages, pager.DistinctPosts, requests, RunNote.Compose(pager.StopNote, oddPosts));
        // The account's counters, as the pages' author shows them (free) or a profile answer tells them.
        FeedAuthor? feedAuthor = null;
        UpstreamProfile? profileAnswer = null;
        var profileAnsweredAt = DateTime.MinValue;
        AccountObservation? FeedObservation() => feedAuthor is null ? null : AccountObservation.FromFeed(feedAuthor);
        try
        {
            if (profile is null)
            {
                throw ProfileDeletedException.For(claim.ProfileId);
            }

            await using var pages = await lifecycle.OpenPagesAsync(claim, work.Token);
            string? cursor = null;
            do
            {
                if (pager.Pages > 0)
                {
                    await Task.Delay(options.Value.PageDelay, time, betweenPages.Token);
                }

                // A graceful stop lets the page in flight finish, and stops here.
                betweenPages.Token.ThrowIfCancellationRequested();
                requests++;
                var pageStarted = time.GetTimestamp();
                var page = await slots.CallAsync(
                    token => upstream.GetPostsPageAsync(profile.Handle, profile.TiktokUserId, cursor, token), manual, work.Token);
                page = await OddNewPosts.LeaveOutAsync(contextFactory, page, work.Token);
                // The feed may repeat a post on a later page: one history row per post per run.
                var unseen = page.Posts.Where(p => !pager.HasSeen(p.AwemeId)).ToList();
                feedAuthor ??= page.Author;
                cursor = pager.Advance(page.Posts.Select(p => p.AwemeId), page.HasMore, page.NextCursor, page.HasMoreKnown);
                oddPosts.AddRange(page.OddPosts.Select(o => o with { Page = pager.Pages }));
                if (cursor is not null && cutoff is { } oldest && FeedWindow.IsPast(page.Posts, cursor, oldest, time.GetUtcNow().UtcDateTime))
                {
                    // A by-age run: the next page holds only posts older than its window.
                    cursor = null;
                }

                if (pager.Pages == 1 && pager.DistinctPosts == 0 && cursor is null)
                {
                    requests++;
                    profileAnswer = await ThrowIfAccountUnavailableAsync(profile.Handle, manual, work.Token);
                    profileAnsweredAt = time.GetUtcNow().UtcDateTime;
                }

                if (!await pages.RecordAsync(unseen, time.GetUtcNow().UtcDateTime, Progress(), work.Token))
                {
                    return await LostClaimAsync(claim);
                }

                instruments.PageDone(time.GetElapsedTime(pageStarted));
            }
            while (cursor is not null);

            var account = await accountObserver.ObserveAsync(profile, feedAuthor, profileAnswer, profileAnsweredAt, manual, work.Token);
            if (account?.MadeProfileCall == true)
            {
                requests++;
            }

            if (await lifecycle.CompleteAsync(claim, Progress(), account, work.Token) is null)
            {
                return await LostClaimAsync(claim);
            }

            logger.LogInformation("Run {LogId} for @{Handle} completed: {Pages} pages, {Posts} posts", claim.LogId, profile.Handle, pager.Pages, pager.DistinctPosts);
            return new RunOutcome(claim.LogId, MonitoringStatus.Completed, pager.Pages, pager.DistinctPosts);
        }
        catch (OperationCanceledException) when (lostClaim.IsCancellationRequested)
        {
            return await LostClaimAsync(claim);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || shutdown.Stopping.IsCancellationRequested)
        {
            var reason = new RunFailure(RunFailureReason.Shutdown, "Interrupted: the worker stopped during the run.");
            return await CloseAsync(claim, Progress(), reason, interrupted: true, FeedObservation());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = Describe(RunFailures.From(ex), profile?.Handle);
            logger.LogWarning(ex, "Run {LogId} for @{Handle} failed: {Error}", claim.LogId, profile?.Handle, failure.Message);
            return await CloseAsync(claim, Progress(), failure, interrupted: false, FeedObservation());
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>
    /// An empty first page is how a private, banned or deleted account can look in the feed (and how a new account
    /// looks): the profile endpoint tells them apart for one more credit.
    /// </summary>
    /// <returns>The profile's answer: the run records the account's counters from it instead of calling again.</returns>
    private async Task<UpstreamProfile> ThrowIfAccountUnavailableAsync(string handle, bool manual, CancellationToken cancellationToken)
    {
        var account = await slots.CallAsync(token => upstream.GetProfileAsync(handle, token), manual, cancellationToken);
        if (account.IsPrivate)
        {
            throw new ScrapeCreatorsException(ScrapeErrorKind.AccountPrivate, "ScrapeCreators says the account is private.");
        }

        return account;
    }

    private static RunFailure Describe(RunFailure failure, string? handle) =>
        RunFailures.AccountStateOf(failure.Reason) is { } state
            ? failure with { Message = RunFailures.Truncate($"@{handle} is {state.ToString().ToLowerInvariant()} at TikTok ({failure.Message}); monitoring is paused: switch Monitor on again to resume.") }
            : failure;

    /// <summary>Closes the run; when even that fails (the database is down), the run is left to the reaper.</summary>
    /// <param name="account">Counters the run's pages carried before it ended: recorded all the same (they cannot be fetched later).</param>
    private async Task<RunOutcome> CloseAsync(RunClaim claim, RunProgress progress, RunFailure failure, bool interrupted, AccountObservation? account)
    {
        var status = interrupted ? MonitoringStatus.Interrupted : MonitoringStatus.Failed;
        try
        {
            var decision = interrupted
                ? await lifecycle.InterruptAsync(claim, progress, failure, account, CancellationToken.None)
                : await lifecycle.FailAsync(claim, progress, failure, account, CancellationToken.None);
            return new RunOutcome(claim.LogId, status, progress.Pages, progress.Posts, failure.Message, failure.Reason, decision);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex))
        {
            logger.LogError(ex, "Run {LogId} could not be closed as {Status}; the reaper will interrupt and retry it once its heartbeat is stale", claim.LogId, status);
            return new RunOutcome(claim.LogId, MonitoringStatus.Running, progress.Pages, progress.Posts, failure.Message, failure.Reason);
        }
    }

    /// <summary>Refreshes the heartbeat while a page is slow; a refused heartbeat means another owner took the run: stop.</summary>
    private async Task KeepAliveAsync(RunClaim claim, CancellationTokenSource lostClaim, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await lifecycle.HeartbeatAsync(claim, stop))
                    {
                        await lostClaim.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex))
                {
                    // A missed heartbeat is harmless until the run goes stale; the page write retries the database.
                    logger.LogWarning(ex, "Heartbeat of run {LogId} failed", claim.LogId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    private async Task<RunOutcome> LostClaimAsync(RunClaim claim)
    {
        logger.LogWarning("Run {LogId} is no longer this delivery's (interrupted by recovery or the reaper); it stops without writing", claim.LogId);
        return await CurrentOutcomeAsync(claim.LogId, CancellationToken.None);
    }

    private async Task<RunOutcome> CurrentOutcomeAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var log = await db.Runs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == runId, cancellationToken);
        return log is null
            ? new RunOutcome(runId, MonitoringStatus.Failed, 0, 0, "The run no longer exists (its profile was deleted).", RunFailureReason.ProfileDeleted)
            : new RunOutcome(log.Id, log.Status, log.PagesScraped, log.PostsScraped, log.Error, log.FailureReason, log.RetryDecision);
    }

    private async Task<RunTarget?> LoadProfileAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await RunTarget.LoadAsync(db, profileId, cancellationToken);
    }
}
