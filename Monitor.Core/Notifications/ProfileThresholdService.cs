using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Notifications;

/// <summary>Reads and sets a profile's own growth and breakout thresholds.</summary>
public sealed class ProfileThresholdService(IDbContextFactory<MonitorDbContext> contextFactory, NotificationSettingsStore settings, AuditTrail audit, TimeProvider time)
{
    /// <returns>Null when there is no such profile.</returns>
    public async Task<ProfileThresholds?> GetAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var state = await db.ProfileAlertStates.AsNoTracking().SingleOrDefaultAsync(s => s.ProfileId == profileId, cancellationToken);
        return View(profileId, state, await settings.GetAsync(db, cancellationToken));
    }

    /// <returns>Null when there is no such profile; else the thresholds, or the problems by field.</returns>
    public async Task<(ProfileThresholds? Thresholds, Dictionary<string, string[]> Errors)?> SetAsync(Guid profileId, ProfileThresholdsInput input,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        ThresholdRules.Check(errors, input.GrowthPercent, input.GrowthViews, input.BreakoutMultiple);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var state = await db.ProfileAlertStates.SingleOrDefaultAsync(s => s.ProfileId == profileId, cancellationToken);
        if (state is null)
        {
            state = new ProfileAlertState { ProfileId = profileId };
            db.ProfileAlertStates.Add(state);
        }

        var before = new { state.GrowthPercent, state.GrowthViews, state.BreakoutMultiple };
        state.GrowthPercent = input.GrowthPercent;
        state.GrowthViews = input.GrowthViews;
        state.BreakoutMultiple = input.BreakoutMultiple;
        state.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ProfileAlertRulesChanged, await audit.ProfileTargetAsync(profileId, cancellationToken),
            AuditChange.Between(before, new { state.GrowthPercent, state.GrowthViews, state.BreakoutMultiple }), cancellationToken);
        return (View(profileId, state, await settings.GetAsync(db, cancellationToken)), errors);
    }

    private static ProfileThresholds View(Guid profileId, ProfileAlertState? state, NotificationSettings settings)
    {
        var effective = settings.ThresholdsFor(state);
        return new(profileId, state?.GrowthPercent, state?.GrowthViews, state?.BreakoutMultiple,
            effective.GrowthPercent, effective.GrowthViews, effective.BreakoutMultiple);
    }
}
