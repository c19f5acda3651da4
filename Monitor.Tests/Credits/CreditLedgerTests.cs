using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Credits;

/// <summary>The ledger against the fake upstream's own log of requests: every attempt counted, at the envelope's charge.</summary>
public abstract class CreditLedgerTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeScrapeCreators _upstream = new();

    /// <summary>
    /// An attempt that gets no answer in time is charged one credit though the upstream may never have logged it; these
    /// tests compare the ledger with the upstream's log, so a loaded machine must not turn an answer into a timeout.
    /// </summary>
    private Dictionary<string, string?> Settings
    {
        get
        {
            var settings = _upstream.Settings;
            settings["ScrapeCreators:AttemptTimeout"] = "00:00:30";
            settings["ScrapeCreators:TotalTimeout"] = "00:01:30";
            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await CreditTestData.ResetAsync(database);
    }

    public Task DisposeAsync()
    {
        _upstream.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writer_AChargeEveryMillisecond_GoesInABatchAWindow()
    {
        await using var host = new CoreHost(database, Settings);
        var writer = host.Get<CreditLedgerWriter>();
        var queue = host.Get<CreditLedgerQueue>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            // For 2 s a charge about every millisecond, as a busy worker queues them.
            var added = 0;
            var adding = System.Diagnostics.Stopwatch.StartNew();
            while (adding.Elapsed < TimeSpan.FromSeconds(2))
            {
                queue.Add(new CreditCharge(DateTime.UtcNow, today, null, "/v3/tiktok/profile/videos", 200, 1, 1_000_000 - added++));
                await Task.Delay(1);
            }

            await Monitor.Tests.Notifications.NotificationTestData.WaitUntilAsync(async () =>
            {
                await using var db = database.CreateDbContext();
                return await db.Set<CreditLedgerEntry>().CountAsync() == added;
            }, $"the {added} charges written");
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        // One batch a second-long window, or a full one (500 charges) at once: never a batch a charge.
        Assert.InRange(writer.BatchesWritten, 1, 8);
    }

    [Fact]
    public async Task Run_FirstPageFailsOnceThenAnswers_LedgerHoldsEveryAttemptTheUpstreamSaw()
    {
        var handle = $"retry_{Guid.NewGuid():N}"[..20];
        _upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        var firstPageCalls = 0;
        _upstream.ServeFeed(handle, cursor => cursor is null
            ? Interlocked.Increment(ref firstPageCalls) == 1 ? (500, """{"success":false,"message":"upstream hiccup"}""") : (200, FixtureFiles.Read("profile-videos-page1.json"))
            : (200, FixtureFiles.Read("profile-videos-page2.json")));
        await using var host = new CoreHost(database, Settings);
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = database.CreateDbContext();
        var rows = await db.Set<CreditLedgerEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var run = rows.Where(e => e.LogId == outcome.LogId).ToList();
        Assert.Equal([500, 200, 200], run.Select(e => e.StatusCode));
        Assert.Equal(_upstream.ChargeableRequests, rows.Count);
        Assert.All(run, e => Assert.Equal(profileId, e.ProfileId));
        Assert.Equal(3, run.Sum(e => e.Credits));
        Assert.Equal(4318, run[^1].CreditsRemaining);
    }

    [Fact]
    public async Task AddProfile_TheLookupsCredits_AreTheNewProfiles()
    {
        var handle = $"lookup_{Guid.NewGuid():N}"[..20];
        _upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        await using var host = new CoreHost(database, Settings);

        var profileId = await host.AddProfileAsync(handle);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var lookup = Assert.Single(await db.Set<CreditLedgerEntry>().AsNoTracking().ToListAsync());
        Assert.Equal(profileId, lookup.ProfileId);
        Assert.Null(lookup.LogId);
        Assert.Equal(1, _upstream.ChargeableRequests);
    }

    [Fact]
    public async Task Run_EnvelopeSaysWhatWasCharged_LedgerCountsThatNotOnePerRequest()
    {
        var handle = $"charged_{Guid.NewGuid():N}"[..20];
        _upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        _upstream.ServeFeed(handle, cursor => cursor is null
            ? (200, CreditTestData.PageWithCharge("profile-videos-page1.json", 0))
            : (200, CreditTestData.PageWithCharge("profile-videos-page2.json", 3)));
        await using var host = new CoreHost(database, Settings);
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = database.CreateDbContext();
        var credits = await db.Set<CreditLedgerEntry>().Where(e => e.LogId == outcome.LogId).OrderBy(e => e.Id).Select(e => e.Credits).ToListAsync();
        Assert.Equal([0, 3], credits);
        var log = await db.Runs.SingleAsync(l => l.Id == outcome.LogId);
        Assert.Equal(2, log.RequestsMade);
    }

    [Fact]
    public async Task Run_UpstreamSays402_RunFailsOutOfCreditsAndScheduledRunsPauseUntilCreditsShow()
    {
        var handle = $"broke_{Guid.NewGuid():N}"[..20];
        _upstream.ServeProfile(handle, 200, FixtureFiles.Read("profile.json"));
        _upstream.ServeFeed(handle, _ => (402, FixtureFiles.Read("error-402.json")));
        _upstream.ServeAccount(FixtureFiles.Read("account-credit-balance.json"), FixtureFiles.Read("account-daily-usage.json"));
        var sink = new RecordingCreditAlertSink();
        await using var host = new CoreHost(database, Settings, s => s.AddSingleton<ICreditAlertSink>(sink));
        var profileId = await host.AddProfileAsync(handle);

        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.Equal(MonitoringStatus.Failed, outcome.Status);
        Assert.Equal(Core.Runs.RunFailureReason.OutOfCredits, outcome.FailureReason);
        var budget = host.Get<CreditBudgetService>();
        var status = await budget.GetStatusAsync(CancellationToken.None);
        Assert.True(status.ScheduledRunsPaused);
        Assert.Contains("402", status.PauseReason, StringComparison.Ordinal);
        Assert.Equal(CreditAlertKind.OutOfCredits, Assert.Single(sink.Alerts).Kind);
        await MakeDueAsync(profileId);
        Assert.Equal(0, await host.Get<Core.Scheduling.MonitoringSweep>().RunAsync(CancellationToken.None));

        // The balance check finds credits again (4318 in the fixture): the pause lifts.
        var balance = await host.Get<CreditBalanceService>().GetAsync(CancellationToken.None);

        Assert.Equal((4318L, true), (balance.Credits!.Value, balance.FromProvider));
        Assert.False((await budget.GetStatusAsync(CancellationToken.None)).ScheduledRunsPaused);
        Assert.Equal(1, await host.Get<Core.Scheduling.MonitoringSweep>().RunAsync(CancellationToken.None));
    }

    private async Task MakeDueAsync(Guid profileId)
    {
        await using var db = database.CreateDbContext();
        await db.Runs.Where(l => l.ProfileId == profileId).ExecuteDeleteAsync();
        await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.MonitoringEnabled, true)
            .SetProperty(p => p.NextMonitoringRun, DateTime.UtcNow.AddHours(-1)));
    }
}

public sealed class PostgresCreditLedgerTests(PostgresDatabase database) : CreditLedgerTests<PostgresDatabase>(database);

public sealed class SqliteCreditLedgerTests(SqliteDatabase database) : CreditLedgerTests<SqliteDatabase>(database);
