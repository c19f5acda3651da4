using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Audience;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Media;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scans;
using Monitor.Core.Scheduling;
using Monitor.Core.Scraping;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Catalog;

/// <summary>Adding, listing and deleting tracked profiles; the API and the dashboard both call this.</summary>
public sealed class ProfileService(
    IDbContextFactory<MonitorDbContext> contextFactory,
    ScrapeCreatorsClient upstream,
    MonitoringScheduleService schedule,
    IOptions<ScanOptions> scans,
    IOptions<MonitoringOptions> monitoringOptions,
    TimeProvider time,
    AuditTrail audit,
    WorkspaceScopeAccessor workspaceScopes,
    WorkspaceService workspaces,
    ILogger<ProfileService> logger)
{
    public Task<AddProfileResult> AddAsync(string? handleOrUrl, bool monitoringEnabled, CancellationToken cancellationToken) =>
        AddAsync(handleOrUrl, monitoringEnabled, null, cancellationToken);

    /// <param name="intervalHours">Hours between scheduled runs; null for <c>Monitoring:DefaultIntervalHours</c>.</param>
    public async Task<AddProfileResult> AddAsync(string? handleOrUrl, bool monitoringEnabled, int? intervalHours, CancellationToken cancellationToken)
    {
        if (!TiktokHandle.TryNormalize(handleOrUrl, out var handle))
        {
            return new(AddProfileStatus.InvalidHandle, Message: TiktokHandle.Rule);
        }

        if (intervalHours is { } hours && !MonitoringInterval.IsValid(hours))
        {
            return new(AddProfileStatus.InvalidInterval, Message: MonitoringInterval.Rule);
        }

        var scope = workspaceScopes.Effective;
        if (await FindIdByHandleAsync(handle, cancellationToken) is { } existingId)
        {
            return await WatchExistingAsync(scope, existingId, handle, cancellationToken);
        }

        // The id is chosen before the lookup so that the lookup's credits are the new profile's in the ledger.
        var profileId = Guid.CreateVersion7();
        UpstreamProfile account;
        try
        {
            using (CreditRunContext.Begin(profileId, runId: null))
            {
                account = await upstream.GetProfileAsync(handle, cancellationToken);
            }
        }
        catch (ScrapeCreatorsException ex) when (ex.Kind == ScrapeErrorKind.AccountNotFound)
        {
            return new(AddProfileStatus.AccountNotFound, Message: $"TikTok has no account @{handle}.");
        }
        catch (ScrapeCreatorsException ex) when (ex.Kind == ScrapeErrorKind.AccountBanned)
        {
            return new(AddProfileStatus.AccountNotFound, Message: $"@{handle} is banned at TikTok: its posts cannot be monitored.");
        }
        catch (ScrapeCreatorsException ex)
        {
            logger.LogWarning("Looking up @{Handle} failed: {Kind}", handle, ex.Kind);
            return new(AddProfileStatus.UpstreamFailed, Message: $"Could not look up @{handle}: {ex.Message}");
        }

        if (account.IsPrivate)
        {
            return new(AddProfileStatus.AccountPrivate, Message: $"@{handle} is a private account: its posts cannot be monitored.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var profile = new TiktokProfile
        {
            Id = profileId,
            Handle = handle,
            TiktokUserId = account.UserId,
            SecUid = account.SecUid,
            Nickname = account.Nickname,
            AvatarUrl = account.AvatarUrl,
            Bio = account.Bio,
            Verified = account.Verified,
            FollowerCount = account.FollowerCount,
            FollowingCount = account.FollowingCount,
            LikesCount = account.LikesCount,
            VideoCount = account.VideoCount,
            CountersObservedAt = account.Counters.HasAny ? now : null,
            // The lookup was today's profile call: a first run whose feed carries no counters does not call again.
            LastProfileCallAt = now,
            MonitoringEnabled = monitoringEnabled,
            ScanMode = scans.Value.DefaultMode,
            MonitoringIntervalHours = intervalHours ?? monitoringOptions.Value.DefaultIntervalHours,
            NextMonitoringRun = monitoringEnabled ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Profiles.Add(profile);
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = scope.TargetWorkspaceId, ProfileId = profileId, AddedAt = now });
        if (account.Counters.HasAny)
        {
            db.AccountHistory.Add(AddedSnapshot(profileId, account.Counters, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two adds of one handle raced; the unique index let the other one win.
            var racedId = await FindIdByHandleAsync(handle, CancellationToken.None);
            if (racedId is null)
            {
                throw;
            }

            return new(AddProfileStatus.AlreadyTracked, ExistingId: racedId, Message: $"@{handle} is already tracked.");
        }

        logger.LogInformation("Profile @{Handle} added ({ProfileId})", handle, profile.Id);
        await audit.RecordAsync(AuditActions.ProfileAdded, AuditTarget.Profile(profile.Id, handle),
            AuditChange.Added(new { handle, monitoringEnabled, profile.MonitoringIntervalHours, profile.ScanMode }), cancellationToken);
        if (monitoringEnabled)
        {
            await QueueFirstRunAsync(profile, cancellationToken);
        }

        return new(AddProfileStatus.Created, ProfileDto.From(profile));
    }

    /// <summary>The profile exists either way: should queueing fail (the database blinked), its due time brings it to the next sweep.</summary>
    private async Task QueueFirstRunAsync(TiktokProfile profile, CancellationToken cancellationToken)
    {
        try
        {
            await schedule.QueueFirstRunAsync(profile.Id, profile.NextMonitoringRun ?? profile.CreatedAt, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseError(ex) || ex is Quartz.SchedulerException)
        {
            logger.LogWarning(ex, "The first run of @{Handle} could not be queued now; the next sweep queues it", profile.Handle);
        }
    }

    private static ProfileAccountSnapshot AddedSnapshot(Guid profileId, AccountCounters counters, DateTime now) => new()
    {
        ProfileId = profileId,
        RecordedAt = now,
        FollowerCount = counters.Followers,
        FollowingCount = counters.Following,
        LikesCount = counters.Likes,
        VideoCount = counters.Videos,
        Source = AccountSnapshotSource.ProfileAdded,
    };

    public async Task<ProfileDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var avatars = await MediaLinks.AvatarsAsync(db, [id], cancellationToken);
        return ProfileDto.From(profile) with { AvatarCacheUrl = avatars.GetValueOrDefault(id) };
    }

    public async Task<PagedResult<ProfileListItem>> ListAsync(ProfileListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problems() is { Count: > 0 } problems)
        {
            // The API and the dashboard check first; reaching here means a door skipped the check.
            throw new ArgumentException(string.Join(" ", problems.Values.SelectMany(v => v)), nameof(query));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, ProfileListQuery.MaxPageSize);
        var page = Paging.ClampPage(query.Page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var profiles = db.Profiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().TrimStart('@').ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): culture overloads do not translate.
            profiles = profiles.Where(p => p.Handle.Contains(term) || (p.Nickname != null && p.Nickname.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await profiles.CountAsync(cancellationToken);
        var rows = await ProfileSorting.Apply(profiles, query.SortBy, query.Descending)
            .Skip(Paging.Offset(page, pageSize))
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(p => p.Id).ToList();

        // Read for the page's profiles only, in a query of their own: as scalar subqueries of the page's query,
        // PostgreSQL evaluated them for every row the offset skips too (5,050 probes for page 101 of 10,000 profiles).
        // Each is one probe in the (profile_id, created_at) index order: a two-column FirstOrDefault was translated as
        // a window over every run.
        var lastRuns = await db.Profiles.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                LastStatus = db.Set<MonitoringRun>().Where(l => l.ProfileId == p.Id).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
                    .Select(l => (MonitoringStatus?)l.Status).FirstOrDefault(),
                LastError = db.Set<MonitoringRun>().Where(l => l.ProfileId == p.Id).OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
                    .Select(l => l.Error).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var avatars = await MediaLinks.AvatarsAsync(db, ids, cancellationToken);
        var items = rows.Select(p => new ProfileListItem(
            ProfileDto.From(p) with { AvatarCacheUrl = avatars.GetValueOrDefault(p.Id) },
            lastRuns.GetValueOrDefault(p.Id)?.LastStatus, lastRuns.GetValueOrDefault(p.Id)?.LastError)).ToList();
        return new PagedResult<ProfileListItem>(items, total, page, pageSize);
    }

    /// <summary>
    /// A profile already tracked is watched by one more workspace: one row, one schedule, one set of runs and credits.
    /// An instance admin who chose no workspace gets the answer from before workspaces: already tracked.
    /// </summary>
    private async Task<AddProfileResult> WatchExistingAsync(WorkspaceScope scope, Guid existingId, string handle, CancellationToken cancellationToken)
    {
        var target = scope.TargetWorkspaceId;
        var holders = await workspaces.WorkspacesOfProfileAsync(existingId, cancellationToken);
        if (holders.Contains(target) || (scope.IsUnrestricted && scope.CurrentWorkspaceId is null && holders.Count > 0))
        {
            return new(AddProfileStatus.AlreadyTracked, ExistingId: existingId, Message: $"@{handle} is already tracked.");
        }

        await workspaces.LinkProfileAsync(target, existingId, cancellationToken);
        await audit.RecordAsync(AuditActions.ProfileAdded, AuditTarget.Profile(existingId, handle),
            AuditChange.Added(new { handle, workspaceId = target }), cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == existingId, cancellationToken);
        return new(AddProfileStatus.Created, ProfileDto.From(profile));
    }

    /// <returns>
    /// False when there was no such profile (or none the caller sees). A workspace's editor removes the profile from their
    /// workspaces; the row, its posts, history and logs go (cascade) only when no workspace watches it any more, or when an
    /// instance admin deletes it.
    /// </returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var handle = await HandleOfAsync(id, cancellationToken);
        if (handle is null)
        {
            return false;
        }

        var scope = workspaceScopes.Effective;
        if (!scope.IsUnrestricted)
        {
            var holders = await workspaces.WorkspacesOfProfileAsync(id, cancellationToken);
            var mine = holders.Where(w => scope.Can(w, WorkspaceRole.Editor)).ToList();
            if (mine.Count == 0)
            {
                throw new UnauthorizedAccessException("Removing a profile needs the editor role in a workspace that watches it.");
            }

            var remaining = holders.Count;
            foreach (var workspaceId in mine)
            {
                remaining = await workspaces.UnlinkProfileAsync(workspaceId, id, cancellationToken);
            }

            if (remaining > 0)
            {
                await audit.RecordAsync(AuditActions.ProfileDeleted, AuditTarget.Profile(id, handle), AuditChange.Removed(new { handle, unlinked = true }), cancellationToken);
                return true;
            }
        }

        var deleted = await DeleteWithRetryAsync(id, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Profile {ProfileId} deleted", id);
            await audit.RecordAsync(AuditActions.ProfileDeleted, AuditTarget.Profile(id, handle), AuditChange.Removed(new { handle }), cancellationToken);
        }

        return deleted > 0;
    }

    private async Task<string?> HandleOfAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.Where(p => p.Id == id).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
    }

    // A run writing a page holds its log row and then the profile's; the cascade takes them the other way round, so
    // PostgreSQL may pick the delete as a deadlock victim. The run's transaction is short: trying again succeeds.
    private async Task<int> DeleteWithRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                return await db.Profiles.IgnoreQueryFilters().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                logger.LogInformation("Deleting profile {ProfileId} met a running page write; trying again", id);
            }
        }
    }

    private async Task<Guid?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Profiles.IgnoreQueryFilters().Where(p => p.Handle == handle).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
    }
}
