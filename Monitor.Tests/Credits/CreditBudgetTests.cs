using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Credits;

/// <summary>The monthly budget on a frozen clock: 80 % warns once, 100 % pauses the sweep, the next month resumes it.</summary>
public abstract class CreditBudgetTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Nov29 = new(2026, 11, 29);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingCreditAlertSink _sink = new();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await CreditTestData.ResetAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Budget_SpendCrossesEightyThenHundredPercent_WarnsOnceThenPausesUntilTheMonthTurns()
    {
        await using var host = NewHost();
        var budget = host.Get<CreditBudgetService>();
        var alerts = host.Get<CreditAlerts>();
        var sweep = host.Get<MonitoringSweep>();
        await budget.SetBudgetAsync(10, CancellationToken.None);
        await SeedDueProfileAsync();

        await SeedAsync(7);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        Assert.Equal(CreditBudgetLevel.Ok, (await budget.GetStatusAsync(CancellationToken.None)).Level);
        Assert.Empty(_sink.Alerts);

        await SeedAsync(1);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        var warning = await budget.GetStatusAsync(CancellationToken.None);
        Assert.Equal((CreditBudgetLevel.Warning, 80.0, false), (warning.Level, warning.PercentUsed!.Value, warning.ScheduledRunsPaused));
        Assert.Equal(CreditAlertKind.BudgetWarning, Assert.Single(_sink.Alerts).Kind);

        await SeedAsync(2);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        var spent = await budget.GetStatusAsync(CancellationToken.None);
        Assert.Equal((CreditBudgetLevel.Exceeded, true), (spent.Level, spent.ScheduledRunsPaused));
        Assert.Equal([CreditAlertKind.BudgetWarning, CreditAlertKind.BudgetExceeded], _sink.Alerts.Select(a => a.Kind));
        Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));
        Assert.Equal(0, await PendingRunsAsync());

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero));
        var december = await budget.GetStatusAsync(CancellationToken.None);

        Assert.Equal((0L, CreditBudgetLevel.Ok, new DateOnly(2026, 12, 1)), (december.SpentThisMonth, december.Level, december.MonthStart));
        Assert.Equal(1, await sweep.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Budget_RaisedAfterItWasSpent_ScheduledRunsResume()
    {
        await using var host = NewHost();
        var budget = host.Get<CreditBudgetService>();
        await budget.SetBudgetAsync(5, CancellationToken.None);
        await SeedDueProfileAsync();
        await SeedAsync(5);
        Assert.Equal(0, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));

        var raised = await budget.SetBudgetAsync(50, CancellationToken.None);

        Assert.Equal((50L, CreditBudgetLevel.Ok, false), (raised.MonthlyBudget!.Value, raised.Level, raised.ScheduledRunsPaused));
        Assert.Equal(1, await host.Get<MonitoringSweep>().RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Budget_OutOfCreditsLastMonth_DoesNotPauseThisMonth()
    {
        await using var host = NewHost();
        var budget = host.Get<CreditBudgetService>();
        await host.Get<CreditAlerts>().OutOfCreditsAsync(_time.GetUtcNow().UtcDateTime, CancellationToken.None);
        Assert.True((await budget.GetStatusAsync(CancellationToken.None)).OutOfCredits);

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero));

        Assert.False((await budget.GetStatusAsync(CancellationToken.None)).ScheduledRunsPaused);
    }

    private CoreHost NewHost() => new(database, [], services =>
    {
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<ICreditAlertSink>(_sink);
    });

    private async Task SeedAsync(int credits)
    {
        await using var db = database.CreateDbContext();
        await CreditTestData.SeedAsync(db, Nov29, 1, rows: credits);
    }

    private async Task SeedDueProfileAsync()
    {
        await using var db = database.CreateDbContext();
        var now = _time.GetUtcNow().UtcDateTime;
        db.Profiles.Add(new TiktokProfile { Handle = $"due_{Guid.NewGuid():N}"[..16], MonitoringEnabled = true, NextMonitoringRun = now.AddHours(-1), CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }

    private async Task<int> PendingRunsAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Runs.CountAsync();
    }
}

public sealed class PostgresCreditBudgetTests(PostgresDatabase database) : CreditBudgetTests<PostgresDatabase>(database);

public sealed class SqliteCreditBudgetTests(SqliteDatabase database) : CreditBudgetTests<SqliteDatabase>(database);
