using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Settings;

namespace Monitor.Core.Credits;

/// <summary>
/// The monthly budget and the pause it implies. Scheduled runs pause when the month's ledger reaches the budget, or
/// after the provider's 402 (out of credits); the first lifts when the month turns or the budget is raised, the second
/// when a request or balance check succeeds with credits left, when the budget is saved, or when the month turns.
/// The month's spend is the running total kept beside the ledger (<see cref="CreditMonthTotal"/>), not a sum of it.
/// </summary>
public sealed class CreditBudgetService(IDbContextFactory<MonitorDbContext> contextFactory, ReportingTimeZone zone, AuditTrail audit, TimeProvider time)
{
    public const long MaxBudget = 1_000_000_000;

    public DateOnly Today => zone.DayOf(time.GetUtcNow().UtcDateTime);

    public async Task<CreditBudgetStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var monthStart = CreditBudgetPolicy.MonthStart(Today);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var spent = await CreditMonthTotals.GetAsync(db, monthStart, CreditMonthTotal.Instance, cancellationToken);
        var settings = await db.AppSettings.AsNoTracking()
            .Where(s => s.Key == CreditSettingKeys.MonthlyBudget || s.Key == CreditSettingKeys.OutOfCreditsSince)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var budget = settings.TryGetValue(CreditSettingKeys.MonthlyBudget, out var b)
            && long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (long?)null;
        DateTime? outSince = settings.TryGetValue(CreditSettingKeys.OutOfCreditsSince, out var o)
            && DateTime.TryParse(o, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var since)
            && zone.DayOf(since) >= monthStart ? since : null;
        return new CreditBudgetStatus(budget, spent, monthStart, CreditBudgetPolicy.LevelOf(budget, spent), outSince);
    }

    /// <summary>The sweep asks this before queuing scheduled runs.</summary>
    public async Task<bool> ScheduledRunsPausedAsync(CancellationToken cancellationToken) =>
        (await GetStatusAsync(cancellationToken)).ScheduledRunsPaused;

    /// <summary>Sets the monthly budget (null or 0: none) and lifts an out-of-credits pause: saving is the user's go-ahead.</summary>
    public async Task<CreditBudgetStatus> SetBudgetAsync(long? budget, CancellationToken cancellationToken)
    {
        if (budget is < 0 or > MaxBudget)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"A budget is 0–{MaxBudget:N0} credits.");
        }

        var before = await GetStatusAsync(cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await WriteAsync(db, CreditSettingKeys.MonthlyBudget, budget is > 0 ? budget.Value.ToString(CultureInfo.InvariantCulture) : null, cancellationToken);
            await WriteAsync(db, CreditSettingKeys.OutOfCreditsSince, null, cancellationToken);
        }

        var after = await GetStatusAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.BudgetChanged, AuditTarget.Settings("credit budget"),
            AuditChange.Between(new { before.MonthlyBudget, before.OutOfCredits }, new { after.MonthlyBudget, after.OutOfCredits }), cancellationToken);
        return after;
    }

    /// <returns>True when this call started the pause (it was not already on).</returns>
    public async Task<bool> MarkOutOfCreditsAsync(DateTime at, CancellationToken cancellationToken)
    {
        var current = await GetStatusAsync(cancellationToken);
        if (current.OutOfCredits)
        {
            return false;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await WriteAsync(db, CreditSettingKeys.OutOfCreditsSince, at.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return true;
    }

    /// <summary>Lifts the out-of-credits pause when the provider shows credits again after <paramref name="seenAt"/> the 402.</summary>
    public async Task ClearOutOfCreditsAsync(DateTime seenAt, CancellationToken cancellationToken)
    {
        var current = await GetStatusAsync(cancellationToken);
        if (current.OutOfCreditsSince is { } since && seenAt > since)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await WriteAsync(db, CreditSettingKeys.OutOfCreditsSince, null, cancellationToken);
        }
    }

    /// <returns>True for the one caller, across nodes, that claims this month's alert of <paramref name="kind"/>.</returns>
    public Task<bool> TryClaimAlertAsync(DateOnly monthStart, CreditAlertKind kind, CancellationToken cancellationToken) =>
        TryClaimAsync(CreditSettingKeys.Alert(monthStart, kind), cancellationToken);

    /// <returns>True for the one caller, across nodes, that claims this month's alert of <paramref name="kind"/> for the workspace's own budget.</returns>
    public Task<bool> TryClaimWorkspaceAlertAsync(DateOnly monthStart, CreditAlertKind kind, Guid workspaceId, CancellationToken cancellationToken) =>
        TryClaimAsync(CreditSettingKeys.Alert(monthStart, kind, workspaceId), cancellationToken);

    private async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AppSettings.Add(new AppSetting { Key = key, Value = "sent", UpdatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task WriteAsync(MonitorDbContext db, string key, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await db.AppSettings.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.AppSettings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.AppSettings.Add(new AppSetting { Key = key, Value = value, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node inserted it first: write over it.
                db.ChangeTracker.Clear();
                await db.AppSettings.Where(s => s.Key == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value).SetProperty(s => s.UpdatedAt, now), cancellationToken);
            }
        }
    }
}
