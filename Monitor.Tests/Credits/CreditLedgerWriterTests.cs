using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Credits;
using Monitor.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Monitor.Tests.Credits;

/// <summary>The writer's batches: every queued charge lands once, with its attribution; the time it takes is reported.</summary>
public abstract class CreditLedgerWriterTests<TDatabase>(TDatabase database, ITestOutputHelper output) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await CreditTestData.ResetAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Flush_TwoThousandCharges_WritesEachOnceInBatches()
    {
        await using var host = new CoreHost(database, []);
        var queue = host.Get<CreditLedgerQueue>();
        var writer = host.Get<CreditLedgerWriter>();
        var day = new DateOnly(2026, 11, 27);
        // Warm up (model, connection pool, JIT), so the figure below is the steady cost.
        queue.Add(new CreditCharge(DateTime.UtcNow, day, null, "/v1/tiktok/profile", 200, 1, null));
        await writer.FlushAsync(CancellationToken.None);
        var profileId = Guid.NewGuid();
        for (var i = 0; i < 2_000; i++)
        {
            queue.Add(new CreditCharge(DateTime.UtcNow, day, new CreditAttribution(profileId, i / 10), "/v3/tiktok/profile/videos", 200, i % 3, 5_000 - i));
        }

        var watch = Stopwatch.StartNew();
        await writer.FlushAsync(CancellationToken.None);
        watch.Stop();

        await using var db = database.CreateDbContext();
        var rows = await db.Set<CreditLedgerEntry>().Where(e => e.ProfileId == profileId).ToListAsync();
        Assert.Equal(2_000, rows.Count);
        Assert.Equal(Enumerable.Range(0, 2_000).Sum(i => i % 3), rows.Sum(r => r.Credits));
        Assert.Equal(200, rows.Select(r => r.LogId).Distinct().Count());
        output.WriteLine($"{database.Provider}: 2,000 ledger rows in {watch.ElapsedMilliseconds} ms ({2_000 / Math.Max(1, watch.Elapsed.TotalSeconds):N0} rows/s, batches of 500)");
    }

    [Fact]
    public async Task Running_ChargesQueuedOneByOne_EachLandsOnceInTheLedger()
    {
        await using var host = new CoreHost(database, []);
        var queue = host.Get<CreditLedgerQueue>();
        var writer = host.Get<CreditLedgerWriter>();
        var profileId = Guid.NewGuid();
        await writer.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 30; i++)
            {
                queue.Add(new CreditCharge(DateTime.UtcNow, new DateOnly(2026, 11, 27), new CreditAttribution(profileId, i), "/v3/tiktok/profile/videos", 200, 1, 5_000 - i));
            }

            var deadline = DateTime.UtcNow.AddSeconds(60);
            var rows = 0;
            while (rows < 30 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                await using var db = database.CreateDbContext();
                rows = await db.Set<CreditLedgerEntry>().CountAsync(e => e.ProfileId == profileId);
            }

            Assert.Equal(30, rows);
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        await using var after = database.CreateDbContext();
        Assert.Equal(30, await after.Set<CreditLedgerEntry>().CountAsync(e => e.ProfileId == profileId));
    }
}

public sealed class PostgresCreditLedgerWriterTests(PostgresDatabase database, ITestOutputHelper output) : CreditLedgerWriterTests<PostgresDatabase>(database, output);

public sealed class SqliteCreditLedgerWriterTests(SqliteDatabase database, ITestOutputHelper output) : CreditLedgerWriterTests<SqliteDatabase>(database, output);
