using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Credits;

/// <summary>The ledger's sums over seeded runs (per day, month, profile, forecast) and the reconciliation with the provider.</summary>
public abstract class CreditUsageTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeScrapeCreators _upstream = new();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await CreditTestData.ResetAsync(database);
        _upstream.ServeAccount(FixtureFiles.Read("account-credit-balance.json"), FixtureFiles.Read("account-daily-usage.json"));
    }

    public Task DisposeAsync()
    {
        _upstream.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Usage_SeededRuns_SumsPerDayMonthProfileAndForecast()
    {
        await using var host = NewHost(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var monitored = await AddProfileAsync("alpha", monitoring: true);
        var idle = await AddProfileAsync("beta", monitoring: false);
        await using (var db = database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, new DateOnly(2026, 10, 31), 5, monitored, runId: 1);
            await CreditTestData.SeedAsync(db, new DateOnly(2026, 11, 19), 1, monitored, runId: 2, rows: 2);
            await CreditTestData.SeedAsync(db, new DateOnly(2026, 11, 20), 1, monitored, runId: 3, rows: 3);
            await CreditTestData.SeedAsync(db, new DateOnly(2026, 11, 20), 2, idle);
            await CreditTestData.SeedAsync(db, new DateOnly(2026, 11, 20), 1);
        }

        var query = host.Get<CreditUsageQuery>();
        var days = await query.GetUsageAsync(30, CancellationToken.None);
        var summary = await query.GetSummaryAsync(CancellationToken.None);

        Assert.Equal(30, days.Count);
        Assert.Equal(new DateOnly(2026, 11, 20), days[^1].Day);
        Assert.Equal((6L, 5L), (days[^1].Credits, days[^1].Requests));
        Assert.Equal((2L, 2L), (days[^2].Credits, days[^2].Requests));
        Assert.Equal(5L, days.Single(d => d.Day == new DateOnly(2026, 10, 31)).Credits);
        Assert.Equal(13L, days.Sum(d => d.Credits));
        Assert.Equal((6L, 8L), (summary.CreditsToday, summary.CreditsThisMonth));
        Assert.Equal(5L, summary.Profiles.Single(p => p.ProfileId == monitored).Credits);
        Assert.Equal(2L, summary.Profiles.Single(p => p.ProfileId == idle).Credits);
        // alpha's runs cost 5, 2 and 3 credits: 10/3 a run, daily, for the 10 days left in November.
        Assert.Equal(8 + 34L, summary.ForecastCredits);
        Assert.Equal(CreditEstimate.Money(summary.ForecastCredits, 1.88m), summary.ForecastMoney);
        Assert.Equal(100L, summary.Profiles.Single(p => p.ProfileId == monitored).ExpectedPerMonth);
        Assert.Equal(4318L, summary.Balance.Credits);
    }

    [Fact]
    public async Task Reconcile_ProviderReport_StoredPerDayWithTheDifferenceAndIdempotent()
    {
        await using var host = NewHost(new DateTimeOffset(2025, 10, 16, 18, 0, 0, TimeSpan.Zero));
        await using (var db = database.CreateDbContext())
        {
            await CreditTestData.SeedAsync(db, new DateOnly(2025, 10, 14), 410);
            await CreditTestData.SeedAsync(db, new DateOnly(2025, 10, 15), 398);
        }

        var reconciler = host.Get<CreditReconciler>();
        Assert.Equal(3, await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal(3, await reconciler.ReconcileAsync(CancellationToken.None));
        var days = await host.Get<CreditUsageQuery>().GetUsageAsync(3, CancellationToken.None);

        Assert.Equal(
            [(new DateOnly(2025, 10, 14), 410L, 412L, 2L), (new DateOnly(2025, 10, 15), 398L, 398L, 0L), (new DateOnly(2025, 10, 16), 0L, 405L, 405L)],
            days.Select(d => (d.Day, d.Credits, d.ProviderCredits!.Value, d.Difference!.Value)));
        Assert.Equal(412L, days[0].ProviderRequests);
    }

    [Fact]
    public async Task Estimate_ProfileWithPostsButNoRuns_PagesOfThirtyDaily()
    {
        await using var host = NewHost(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var id = await AddProfileAsync("gamma", monitoring: false, posts: 300);

        var estimate = await host.Get<CreditUsageQuery>().EstimateAsync(id, CancellationToken.None);

        Assert.NotNull(estimate);
        Assert.Equal((10.0, 300L, 0.56m), (estimate.CreditsPerRun, estimate.CreditsPerMonth, estimate.MoneyPerMonth));
        Assert.Null(await host.Get<CreditUsageQuery>().EstimateAsync(Guid.NewGuid(), CancellationToken.None));
    }

    private CoreHost NewHost(DateTimeOffset now) =>
        new(database, _upstream.Settings, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));

    private async Task<Guid> AddProfileAsync(string handle, bool monitoring, long posts = 0)
    {
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = $"{handle}_{Guid.NewGuid():N}"[..16], MonitoringEnabled = monitoring, TotalPosts = posts, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }
}

public sealed class PostgresCreditUsageTests(PostgresDatabase database) : CreditUsageTests<PostgresDatabase>(database);

public sealed class SqliteCreditUsageTests(SqliteDatabase database) : CreditUsageTests<SqliteDatabase>(database);
