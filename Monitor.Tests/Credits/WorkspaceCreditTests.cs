using Microsoft.EntityFrameworkCore;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Workspaces;

namespace Monitor.Tests.Credits;

/// <summary>
/// Credits per workspace through a real run against the fake upstream: a shared profile is scraped once and charged in
/// full to each workspace watching it (once to the instance); unlinking keeps past spend; a spent workspace budget
/// holds back only the profiles no workspace with budget left watches; the running month totals equal the ledger.
/// </summary>
public abstract class WorkspaceCreditTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreditTestData.ResetAsync(Database);
    }

    [Fact]
    public async Task SharedProfile_ScheduledRun_ScrapedOnceAndChargedInFullToBothWorkspaces()
    {
        await using var host = new CoreHost(Database, Upstream.Settings);
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(Database, "a", null), await WorkspaceRows.AddWorkspaceAsync(Database, "b", null));
        var profileId = await AddWatchedProfileAsync(host, "shared", a, b);

        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        Assert.Equal(0, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
        var run = Assert.Single(await host.LogsAsync(profileId));
        var outcome = await host.Get<MonitoringRunner>().RunAsync(run.Id, CancellationToken.None);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = Database.CreateDbContext();
        var charges = await db.Set<CreditLedgerEntry>().AsNoTracking().Where(e => e.LogId == run.Id).ToListAsync();
        Assert.Equal(2, charges.Count);
        var runCredits = charges.Sum(e => (long)e.Credits);
        var ledger = await db.Set<CreditLedgerEntry>().SumAsync(e => (long)e.Credits);
        var budgets = host.Get<CreditWorkspaceBudgets>();
        Assert.Equal(runCredits, (await budgets.GetStatusAsync(a, CancellationToken.None))!.SpentThisMonth);
        Assert.Equal(runCredits, (await budgets.GetStatusAsync(b, CancellationToken.None))!.SpentThisMonth);
        Assert.Equal(ledger, (await host.Get<CreditBudgetService>().GetStatusAsync(CancellationToken.None)).SpentThisMonth);
        // The lookup that added the profile: one credit, or more when an attempt timed out and was retried on a busy
        // machine (a timed-out request is charged, docs: API.md §5.2). The run's credits count once in the instance.
        var lookup = await db.Set<CreditLedgerEntry>().Where(e => e.LogId == null).SumAsync(e => (long)e.Credits);
        Assert.True(lookup >= 1, $"The lookup charged {lookup}");
        Assert.Equal(runCredits + lookup, ledger);
        Assert.Equal(2 * charges.Count, await db.Set<CreditLedgerWorkspace>().CountAsync(w => charges.Select(e => e.Id).Contains(w.EntryId)));
    }

    [Fact]
    public async Task UnlinkedProfile_WorkspaceKeepsItsPastSpend()
    {
        await using var host = new CoreHost(Database, Upstream.Settings);
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(Database, "a", null), await WorkspaceRows.AddWorkspaceAsync(Database, "b", null));
        var profileId = await AddWatchedProfileAsync(host, "unlink", a, b);
        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);

        await host.Get<WorkspaceService>().UnlinkProfileAsync(b, profileId, CancellationToken.None);

        var spentB = (await host.Get<CreditWorkspaceBudgets>().GetStatusAsync(b, CancellationToken.None))!.SpentThisMonth;
        await using var seenByB = Database.CreateRestrictedDbContext(b);
        var visible = await seenByB.Set<CreditLedgerEntry>().Where(e => e.LogId == outcome.LogId).SumAsync(e => (long)e.Credits);
        Assert.True(spentB > 0);
        Assert.Equal(spentB, visible);
        await host.Get<CreditReconciler>().RebuildMonthTotalsAsync(CancellationToken.None);
        Assert.Equal(spentB, (await host.Get<CreditWorkspaceBudgets>().GetStatusAsync(b, CancellationToken.None))!.SpentThisMonth);
    }

    [Fact]
    public async Task WorkspaceBudgetSpent_SweepSkipsItsOwnProfileAndRunsTheSharedOne()
    {
        await using var host = new CoreHost(Database, Upstream.Settings);
        var (spent, funded) = (await WorkspaceRows.AddWorkspaceAsync(Database, "spent", 2), await WorkspaceRows.AddWorkspaceAsync(Database, "funded", 1_000));
        var own = await AddWatchedProfileAsync(host, "own", spent);
        var shared = await AddWatchedProfileAsync(host, "both", spent, funded);
        await using (var db = Database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, host.Get<CreditBudgetService>().Today, 1, own, rows: 2);
        }

        var budgets = host.Get<CreditWorkspaceBudgets>();
        var status = (await budgets.GetStatusAsync(spent, CancellationToken.None))!;
        var paused = await budgets.PausedProfilesAsync([own, shared], CancellationToken.None);
        var queued = await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None);

        Assert.Equal((CreditBudgetLevel.Exceeded, true), (status.Level, status.ScheduledRunsPaused));
        Assert.Contains("only this workspace watches", status.PauseReason, StringComparison.Ordinal);
        Assert.Equal(spent, Assert.Single(paused, p => p.Key == own).Value.WorkspaceId);
        Assert.DoesNotContain(shared, paused.Keys);
        Assert.Equal(1, queued);
        Assert.Empty(await host.LogsAsync(own));
        Assert.Single(await host.LogsAsync(shared));
        Assert.False((await host.Get<CreditBudgetService>().GetStatusAsync(CancellationToken.None)).ScheduledRunsPaused);
    }

    [Fact]
    public async Task WorkspaceBudgetAtEightyPercent_Warns()
    {
        await using var host = new CoreHost(Database, Upstream.Settings);
        var workspace = await WorkspaceRows.AddWorkspaceAsync(Database, "warn", 10);
        var profileId = await AddWatchedProfileAsync(host, "warn", workspace);
        await using (var db = Database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, host.Get<CreditBudgetService>().Today, 8, profileId);
        }

        var status = (await host.Get<CreditWorkspaceBudgets>().GetStatusAsync(workspace, CancellationToken.None))!;

        Assert.Equal((CreditBudgetLevel.Warning, 80.0, false), (status.Level, status.PercentUsed!.Value, status.ScheduledRunsPaused));
    }

    [Fact]
    public async Task MonthTotals_EqualTheLedger_AndARebuildRepairsADriftedRow()
    {
        await using var host = new CoreHost(Database, Upstream.Settings);
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(Database, "a", null), await WorkspaceRows.AddWorkspaceAsync(Database, "b", null));
        var profileId = await AddWatchedProfileAsync(host, "totals", a, b);
        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        var before = await TotalsAsync(a, b);

        await using (var db = Database.CreateDbContext())
        {
            await db.Set<CreditMonthTotal>().Where(t => t.WorkspaceId == a).ExecuteUpdateAsync(u => u.SetProperty(t => t.Credits, 999));
        }

        await host.Get<CreditReconciler>().RebuildMonthTotalsAsync(CancellationToken.None);
        var after = await TotalsAsync(a, b);

        Assert.Equal(await LedgerSumsAsync(a, b), before);
        Assert.Equal(before.A, before.B);
        Assert.Equal(before, after);
    }

    private async Task<(long Instance, long A, long B)> LedgerSumsAsync(Guid a, Guid b)
    {
        await using var db = Database.CreateDbContext();
        var instance = await db.Set<CreditLedgerEntry>().SumAsync(e => (long)e.Credits);
        var perWorkspace = await db.Set<CreditLedgerWorkspace>().Join(db.Set<CreditLedgerEntry>(), w => w.EntryId, e => e.Id, (w, e) => new { w.WorkspaceId, e.Credits })
            .GroupBy(x => x.WorkspaceId).Select(g => new { g.Key, Credits = g.Sum(x => (long)x.Credits) }).ToDictionaryAsync(x => x.Key, x => x.Credits);
        return (instance, perWorkspace.GetValueOrDefault(a), perWorkspace.GetValueOrDefault(b));
    }

    private async Task<(long Instance, long A, long B)> TotalsAsync(Guid a, Guid b)
    {
        await using var db = Database.CreateDbContext();
        var rows = await db.Set<CreditMonthTotal>().AsNoTracking().ToDictionaryAsync(t => t.WorkspaceId, t => t.Credits);
        return (rows.GetValueOrDefault(CreditMonthTotal.Instance), rows.GetValueOrDefault(a), rows.GetValueOrDefault(b));
    }

    /// <summary>A due profile watched by exactly <paramref name="workspaces"/>; the lookup that added it is written first.</summary>
    private async Task<Guid> AddWatchedProfileAsync(CoreHost host, string name, params Guid[] workspaces)
    {
        var handle = $"{name}_{Guid.NewGuid():N}"[..20];
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        Upstream.ServeFeed(handle, cursor => (200, FixtureFiles.Read(cursor is null ? "profile-videos-page1.json" : "profile-videos-page2.json")));
        // Added with monitoring off: a first run queued at once could start and charge before the test takes it away.
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);
        var links = host.Get<WorkspaceService>();
        foreach (var workspace in workspaces)
        {
            await links.LinkProfileAsync(workspace, profileId, CancellationToken.None);
        }

        await links.UnlinkProfileAsync(WorkspaceDefaults.FirstId, profileId, CancellationToken.None);
        await using var db = Database.CreateDbContext();
        await db.Runs.Where(r => r.ProfileId == profileId).ExecuteDeleteAsync();
        await db.Profiles.Where(p => p.Id == profileId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MonitoringEnabled, true).SetProperty(p => p.NextMonitoringRun, DateTime.UtcNow.AddHours(-1)));
        return profileId;
    }
}

public sealed class PostgresWorkspaceCreditTests(PostgresDatabase database) : WorkspaceCreditTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceCreditTests(SqliteDatabase database) : WorkspaceCreditTests<SqliteDatabase>(database);
