using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// What a batch of run events needs, read once: each profile's handle and watching workspaces (see
/// <see cref="AlertWorkspaces"/> for the rule), those workspaces' rules in force, the failure streaks (tracked, so the
/// pass updates them; an event later in the batch sees an earlier one's change), the runs' start times and the enabled
/// channels.
/// </summary>
internal sealed class RunEventBatch
{
    private readonly Dictionary<Guid, string> _handles;
    private readonly ILookup<Guid, Guid> _watching;
    private readonly Dictionary<(Guid WorkspaceId, Guid ProfileId), ProfileAlertState> _states;
    private readonly Dictionary<long, DateTime?> _startedAt;

    private RunEventBatch(Dictionary<Guid, string> handles, ILookup<Guid, Guid> watching, Dictionary<Guid, NotificationSettings> rules,
        Dictionary<(Guid, Guid), ProfileAlertState> states, Dictionary<long, DateTime?> startedAt, IReadOnlyList<NotificationChannel> enabledChannels)
    {
        _handles = handles;
        _watching = watching;
        Rules = rules;
        _states = states;
        _startedAt = startedAt;
        EnabledChannels = enabledChannels;
    }

    /// <summary>The rules in force for every workspace of <see cref="WatchingOf"/>.</summary>
    public Dictionary<Guid, NotificationSettings> Rules { get; }

    public IReadOnlyList<NotificationChannel> EnabledChannels { get; }

    public static async Task<RunEventBatch> LoadAsync(MonitorDbContext db, IReadOnlyList<RunNotificationEvent> events, WorkspaceAlertRulesService rulesService,
        CancellationToken cancellationToken)
    {
        var profileIds = events.Select(e => e.ProfileId).Distinct().ToList();
        var handles = await db.Profiles.Where(p => profileIds.Contains(p.Id)).Select(p => new { p.Id, p.Handle })
            .ToDictionaryAsync(p => p.Id, p => p.Handle, cancellationToken);
        var links = await db.Set<WorkspaceProfile>().Where(l => profileIds.Contains(l.ProfileId)).Select(l => new { l.ProfileId, l.WorkspaceId })
            .ToListAsync(cancellationToken);
        var watching = links.ToLookup(l => l.ProfileId, l => l.WorkspaceId);
        var workspaceIds = links.Select(l => l.WorkspaceId).Append(WorkspaceDefaults.FirstId).Distinct().ToList();
        var rules = await rulesService.InForceAsync(db, workspaceIds, cancellationToken);
        var states = await db.ProfileAlertStates.Where(s => profileIds.Contains(s.ProfileId)).ToDictionaryAsync(s => (s.WorkspaceId, s.ProfileId), cancellationToken);
        var runIds = events.Where(e => e.Succeeded).Select(e => e.LogId).Distinct().ToList();
        var startedAt = runIds.Count == 0 ? [] : await db.Runs.Where(l => runIds.Contains(l.Id)).Select(l => new { l.Id, l.StartedAt })
            .ToDictionaryAsync(l => l.Id, l => l.StartedAt, cancellationToken);
        var channels = await db.NotificationChannels.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        return new(handles, watching, rules, states, startedAt, channels);
    }

    public string? HandleOf(Guid profileId) => _handles.GetValueOrDefault(profileId);

    /// <summary>The workspaces whose rules the profile's alerts follow, in id order (the first workspace when none watches it).</summary>
    public IReadOnlyList<Guid> WatchingOf(Guid profileId) => AlertWorkspaces.Following(_watching[profileId]);

    /// <summary>The workspace whose channels get the alert, or null for every channel (a profile nobody watches).</summary>
    public Guid? ChannelsOf(Guid workspaceId, Guid profileId) => AlertWorkspaces.ChannelsOf(workspaceId, _watching[profileId].Any());

    public DateTime? StartedAtOf(long runId) => _startedAt.GetValueOrDefault(runId);

    /// <summary>The workspace's streak on the profile, added to <paramref name="db"/> when it has none yet.</summary>
    public ProfileAlertState StateOf(MonitorDbContext db, Guid workspaceId, Guid profileId)
    {
        if (!_states.TryGetValue((workspaceId, profileId), out var state))
        {
            state = new ProfileAlertState { WorkspaceId = workspaceId, ProfileId = profileId };
            db.ProfileAlertStates.Add(state);
            _states.Add((workspaceId, profileId), state);
        }

        return state;
    }
}
