using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Core.Scans;

namespace Monitor.Core.Scheduling;

/// <summary>
/// The one owner of a profile's schedule and monitoring settings: on or off, the interval, the scan mode, the
/// unseen-posts switch, and the next and last run. Every change (the API's PATCH, the dashboard) goes through
/// <see cref="ChangeAsync"/>, a run's close through <see cref="RunClosedAsync"/>, and both compute the next run with
/// <see cref="NextRunAsync"/>, in the transaction that stores it.
/// <para>
/// The rule (full scans, <see cref="NextRunPolicy"/>): next − last ≤ interval + one sweep period, a run may come early
/// but never later than that, while profiles added together spread over the interval by their own slot. By age
/// (<see cref="ScanPlanner"/>): each rung of the ladder falls due before its period runs out after its last refresh,
/// and a run is never set before the first sweep that can queue it, so the same bound holds for each rung.
/// </para>
/// </summary>
public sealed class ProfileSchedule(
    IDbContextFactory<MonitorDbContext> contextFactory,
    NextRunPolicy policy,
    ScanPlanner planner,
    IOptions<QualityOptions> qualityOptions,
    AuditTrail audit,
    IServiceProvider services,
    TimeProvider time) : IRunCloseSchedule
{
    // A change read, computed and written between a run's close and another change is tried again from a fresh read.
    private const int Attempts = 4;

    /// <summary>
    /// Applies a settings change in one transaction and recomputes the next run when the schedule changed. Switched on
    /// (from off): the first run is queued at once; switched off: no next run, and a scheduled run that has not
    /// started is withdrawn (a manual run still happens). A run already pending stays queued; the new settings decide
    /// the run after it.
    /// </summary>
    /// <returns>The profile's monitoring status, or null for an unknown profile.</returns>
    /// <exception cref="ArgumentException">The change is empty or its interval is outside <see cref="MonitoringInterval"/>.</exception>
    public async Task<ProfileMonitoringStatus?> ChangeAsync(Guid profileId, MonitoringSettingsChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsEmpty)
        {
            throw new ArgumentException("Nothing to change.", nameof(change));
        }

        if (change.IntervalHours is { } hours && !MonitoringInterval.IsValid(hours))
        {
            throw new ArgumentOutOfRangeException(nameof(change), hours, MonitoringInterval.Rule);
        }

        var applied = await ApplyAsync(profileId, change, cancellationToken);
        if (applied is null)
        {
            return null;
        }

        // Resolved when needed: the run lifecycle closes runs through this class.
        var lifecycle = services.GetRequiredService<RunLifecycle>();
        if (applied.SwitchedOn)
        {
            await lifecycle.QueueAsync(profileId, MonitoringTrigger.Scheduled, 1, applied.NextRun, cancellationToken);
        }
        else if (applied.SwitchedOff)
        {
            await lifecycle.WithdrawScheduledAsync(profileId, cancellationToken);
        }

        return await services.GetRequiredService<MonitoringQueries>().GetStatusAsync(profileId, cancellationToken);
    }

    /// <summary>
    /// A run closed, inside its close's transaction: the last run is <paramref name="endedAt"/> and the next follows the
    /// rule. An account state other than active (private, banned, gone) pauses monitoring instead; active is stored.
    /// </summary>
    public async Task RunClosedAsync(MonitorDbContext db, Guid profileId, DateTime endedAt, AccountState? accountState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profiles = db.Profiles.Where(p => p.Id == profileId);
        if (accountState is { } paused && paused != AccountState.Active)
        {
            await profiles.ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastMonitoringRun, endedAt)
                .SetProperty(p => p.MonitoringEnabled, false)
                .SetProperty(p => p.NextMonitoringRun, (DateTime?)null)
                .SetProperty(p => p.AccountState, paused)
                .SetProperty(p => p.UpdatedAt, endedAt), cancellationToken);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var facts = await DirectSql.FirstAsync(db, FactsSql, [profileId], ReadFacts, cancellationToken);
            if (facts is null)
            {
                return;
            }

            var next = await NextRunAsync(db, facts with { Enabled = true, LastRun = endedAt }, endedAt, false, cancellationToken);
            // Conditional on the settings read: a change committed in between is read again, not overwritten.
            var set = accountState is null ? RunClosedSql : RunClosedActiveSql;
            var written = attempt >= Attempts
                ? await DirectSql.ExecuteAsync(db, set, [endedAt, next, profileId], cancellationToken)
                : await DirectSql.ExecuteAsync(db, set + RunClosedUnchangedSql, [endedAt, next, profileId, facts.IntervalHours, facts.ScanMode], cancellationToken);
            if (written > 0)
            {
                return;
            }
        }
    }

    // The run's close, in plain SQL (it runs at every close): @p0 the end, @p1 the next run (kept only while monitoring
    // is on), @p2 the profile; @p3 and @p4 the interval and scan mode the next run was computed from.
    private const string RunClosedSql = """
        UPDATE tiktok_profiles
        SET last_monitoring_run = @p0, next_monitoring_run = CASE WHEN monitoring_enabled THEN @p1 ELSE NULL END, updated_at = @p0
        WHERE id = @p2
        """;

    private const string RunClosedActiveSql = """
        UPDATE tiktok_profiles
        SET last_monitoring_run = @p0, next_monitoring_run = CASE WHEN monitoring_enabled THEN @p1 ELSE NULL END, updated_at = @p0,
            account_state = 'active'
        WHERE id = @p2
        """;

    private const string RunClosedUnchangedSql = " AND monitoring_interval_hours = @p3 AND scan_mode = @p4";

    private const string FactsSql = """
        SELECT id, monitoring_enabled, monitoring_interval_hours, scan_mode, last_monitoring_run, next_monitoring_run
        FROM tiktok_profiles WHERE id = @p0
        """;

    private static ScheduleFacts ReadFacts(System.Data.Common.DbDataReader reader) => new(
        reader.GetGuid(0), reader.GetBoolean(1), reader.GetInt32(2), Enum.Parse<ScanMode>(reader.GetString(3), ignoreCase: true),
        DirectSql.UtcOrNull(reader, 4), DirectSql.UtcOrNull(reader, 5));

    /// <summary>
    /// The one computation of a profile's next run. Off: none. Switched on, or never run: its first run at once (one
    /// never run keeps the time its first run was queued for). By age: the first rung due, never before the first sweep
    /// that can queue it. Full: <see cref="NextRunPolicy.NextRun(Guid, DateTime, TimeSpan, DateTime)"/> from the last run.
    /// </summary>
    /// <param name="switchedOn">Monitoring has just been switched on: the first run is queued at once.</param>
    public async Task<DateTime?> NextRunAsync(MonitorDbContext db, ScheduleFacts facts, DateTime now, bool switchedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.Enabled)
        {
            return null;
        }

        if (switchedOn)
        {
            return now;
        }

        if (facts.LastRun is not { } last)
        {
            return facts.NextRun ?? now;
        }

        if (facts.ScanMode == ScanMode.ByAge)
        {
            return policy.NextRunByAge(planner.NextDue(await ScanHistories.LoadAsync(db, facts.ProfileId, cancellationToken), now), now);
        }

        return policy.NextRun(facts.ProfileId, last, TimeSpan.FromHours(facts.IntervalHours), now);
    }

    private async Task<AppliedSettings?> ApplyAsync(Guid profileId, MonitoringSettingsChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var before = await DirectSql.FirstAsync(db, FactsSql, [profileId], ReadFacts, cancellationToken);
            if (before is null)
            {
                return null;
            }

            var excludedBefore = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.ExcludeUnseenPosts).SingleAsync(cancellationToken);
            var after = before with
            {
                Enabled = change.Enabled ?? before.Enabled,
                IntervalHours = change.IntervalHours ?? before.IntervalHours,
                ScanMode = change.ScanMode ?? before.ScanMode,
            };
            var switchedOn = after.Enabled && !before.Enabled;
            var next = after == before ? before.NextRun : await NextRunAsync(db, after, now, switchedOn, cancellationToken);
            var excluded = change.ExcludeUnseenPosts ?? excludedBefore;

            // Conditional on what was read: a run closing or another change in between makes this try again.
            var written = await db.Profiles
                .Where(p => p.Id == profileId && p.MonitoringEnabled == before.Enabled && p.MonitoringIntervalHours == before.IntervalHours
                    && p.ScanMode == before.ScanMode && p.LastMonitoringRun == before.LastRun)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.MonitoringEnabled, after.Enabled)
                    .SetProperty(p => p.MonitoringIntervalHours, after.IntervalHours)
                    .SetProperty(p => p.ScanMode, after.ScanMode)
                    .SetProperty(p => p.ExcludeUnseenPosts, excluded)
                    .SetProperty(p => p.NextMonitoringRun, next)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (written == 0)
            {
                if (attempt >= Attempts)
                {
                    throw new DbUpdateConcurrencyException($"The monitoring settings of profile {profileId} kept changing; try again.");
                }

                continue;
            }

            if (excluded != excludedBefore)
            {
                await ProfileTotalsCalculator.RecomputeAsync(db, profileId, now, qualityOptions.Value.UnseenAfterFullScans, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await audit.RecordAsync(AuditActions.MonitoringChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
                AuditChange.Between(
                    new { MonitoringEnabled = before.Enabled, MonitoringIntervalHours = before.IntervalHours, before.ScanMode, ExcludeUnseenPosts = excludedBefore },
                    new { MonitoringEnabled = after.Enabled, MonitoringIntervalHours = after.IntervalHours, after.ScanMode, ExcludeUnseenPosts = excluded }),
                cancellationToken);
            return new AppliedSettings(switchedOn, before.Enabled && !after.Enabled, next);
        }
    }
}
