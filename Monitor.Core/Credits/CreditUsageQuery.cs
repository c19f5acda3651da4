using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Credits;

/// <summary>Reads the ledger: spend per day (with the provider's figures), per profile, the forecast and estimates.</summary>
public sealed class CreditUsageQuery(
    IDbContextFactory<MonitorDbContext> contextFactory,
    CreditBudgetService budget,
    CreditBalanceService balance,
    CreditWorkspaceBudgets workspaceBudgets,
    WorkspaceScopeAccessor scopes,
    IOptions<CreditOptions> options)
{
    public const int MaxDays = 366;

    /// <summary>Runs of the last this many days give a profile's credits per run.</summary>
    private const int EstimateWindowDays = 30;

    /// <summary>The last <paramref name="days"/> days of the reporting zone, today included, oldest first.</summary>
    public async Task<IReadOnlyList<CreditUsageDay>> GetUsageAsync(int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var today = budget.Today;
        var first = today.AddDays(1 - days);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counted = await db.Set<CreditLedgerEntry>().Where(e => e.Day >= first)
            .GroupBy(e => e.Day)
            .Select(g => new { Day = g.Key, Credits = g.Sum(e => (long)e.Credits), Requests = g.LongCount() })
            .ToDictionaryAsync(x => x.Day, cancellationToken);
        var reported = await db.Set<ProviderDailyUsage>().AsNoTracking().Where(u => u.Day >= first && u.Day <= today)
            .ToDictionaryAsync(u => u.Day, cancellationToken);
        return Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(day =>
        {
            counted.TryGetValue(day, out var ours);
            reported.TryGetValue(day, out var theirs);
            return new CreditUsageDay(day, ours?.Credits ?? 0, ours?.Requests ?? 0, theirs?.Credits, theirs?.Requests);
        }).ToList();
    }

    public async Task<CreditSummary> GetSummaryAsync(CancellationToken cancellationToken)
    {
        var status = await budget.GetStatusAsync(cancellationToken);
        var today = budget.Today;
        var scope = scopes.Effective;
        var workspaces = await workspaceBudgets.GetStatusesAsync(scope.IsUnrestricted ? null : scope.VisibleWorkspaceIds, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A restricted caller sees its workspaces' month: one workspace's running total, or the charges of several once each.
        var monthSpent = scope.IsUnrestricted ? status.SpentThisMonth
            : workspaces is [var only] ? only.SpentThisMonth
            : await db.Set<CreditLedgerEntry>().Where(e => e.Day >= status.MonthStart).SumAsync(e => (long)e.Credits, cancellationToken);
        var creditsToday = await db.Set<CreditLedgerEntry>().Where(e => e.Day == today).SumAsync(e => (long)e.Credits, cancellationToken);
        var spent = await db.Set<CreditLedgerEntry>().Where(e => e.Day >= status.MonthStart && e.ProfileId != null)
            .GroupBy(e => e.ProfileId!.Value)
            .Select(g => new { ProfileId = g.Key, Credits = g.Sum(e => (long)e.Credits), Requests = g.LongCount() })
            .ToDictionaryAsync(x => x.ProfileId, cancellationToken);
        var perRun = await CreditsPerRunAsync(db, today, cancellationToken);
        var profiles = await db.Profiles.AsNoTracking()
            .Select(p => new { p.Id, p.Handle, p.MonitoringEnabled, p.MonitoringIntervalHours, p.TotalPosts })
            .ToListAsync(cancellationToken);

        var pageSize = options.Value.AssumedPageSize;
        var rows = profiles.Select(p =>
        {
            var run = perRun.TryGetValue(p.Id, out var measured) ? measured : CreditEstimate.PagesPerRun(p.TotalPosts, pageSize);
            spent.TryGetValue(p.Id, out var used);
            return new CreditProfileUsage(p.Id, p.Handle, p.MonitoringEnabled, used?.Credits ?? 0, used?.Requests ?? 0,
                CreditEstimate.PerMonth(run, p.MonitoringIntervalHours));
        }).OrderByDescending(r => r.Credits).ThenBy(r => r.Handle, StringComparer.Ordinal).ToList();

        var perDay = profiles.Where(p => p.MonitoringEnabled).Sum(p =>
            (perRun.TryGetValue(p.Id, out var measured) ? measured : CreditEstimate.PagesPerRun(p.TotalPosts, pageSize))
            * CreditEstimate.RunsPerDay(p.MonitoringIntervalHours));
        var forecast = CreditEstimate.MonthForecast(monthSpent, perDay, today);
        var price = options.Value.PricePerThousand;
        return new CreditSummary(today, creditsToday, monthSpent, await balance.GetAsync(cancellationToken), forecast,
            CreditEstimate.Money(forecast, price), price, options.Value.Currency, status, rows, workspaces);
    }

    /// <returns>The profile's expected cost at its interval, or null when it does not exist.</returns>
    public async Task<ProfileCreditEstimate?> EstimateAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId)
            .Select(p => new { p.MonitoringIntervalHours, p.TotalPosts }).SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var perRun = await CreditsPerRunAsync(db, budget.Today, cancellationToken, profileId);
        var (credits, basis) = perRun.TryGetValue(profileId, out var measured)
            ? (measured, "its recent runs")
            : profile.TotalPosts > 0
                ? (CreditEstimate.PagesPerRun(profile.TotalPosts, options.Value.AssumedPageSize), $"{profile.TotalPosts:N0} posts at {options.Value.AssumedPageSize} a page")
                : (1.0, "no posts known yet: one page a run; more once the first run has counted them");
        var perMonth = CreditEstimate.PerMonth(credits, profile.MonitoringIntervalHours);
        return new ProfileCreditEstimate(Math.Round(credits, 1), CreditEstimate.RunsPerDay(profile.MonitoringIntervalHours) * CreditEstimate.DaysPerMonth,
            perMonth, CreditEstimate.Money(perMonth, options.Value.PricePerThousand), options.Value.Currency, basis);
    }

    /// <summary>Average credits a run per profile over the recent runs the ledger attributes (retries included).</summary>
    private static async Task<Dictionary<Guid, double>> CreditsPerRunAsync(MonitorDbContext db, DateOnly today, CancellationToken cancellationToken, Guid? only = null)
    {
        var since = today.AddDays(-EstimateWindowDays);
        var query = db.Set<CreditLedgerEntry>().Where(e => e.Day >= since && e.LogId != null && e.ProfileId != null);
        if (only is { } id)
        {
            query = query.Where(e => e.ProfileId == id);
        }

        var runs = await query.GroupBy(e => new { ProfileId = e.ProfileId!.Value, LogId = e.LogId!.Value })
            .Select(g => new { g.Key.ProfileId, Credits = g.Sum(e => (long)e.Credits) })
            .ToListAsync(cancellationToken);
        return runs.GroupBy(r => r.ProfileId).ToDictionary(g => g.Key, g => g.Average(r => (double)r.Credits));
    }
}
