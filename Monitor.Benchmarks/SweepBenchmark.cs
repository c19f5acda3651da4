using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;

namespace Monitor.Benchmarks;

/// <summary>
/// The sweep over many monitored profiles of which some are due: seconds to queue every due run (the run rows are the
/// queue: one insert), medians of the rounds; the due runs are withdrawn between rounds.
/// </summary>
internal sealed class SweepBenchmark(BenchmarkSettings settings)
{
    /// <returns>Median seconds of the sweep, and how many runs the last round queued.</returns>
    public async Task<(double Seconds, int Queued)> RunAsync(BenchDatabase database)
    {
        await SeedAsync(database);
        var sweep = database.Get<MonitoringSweep>();
        var seconds = new List<double>();
        var queued = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            var elapsed = await Rounds.TimeAsync(async () => queued = await sweep.RunAsync(CancellationToken.None));
            seconds.Add(elapsed.TotalSeconds);
            await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
            await db.Runs.ExecuteDeleteAsync();
        }

        return (Rounds.Median(seconds), queued);
    }

    private async Task SeedAsync(BenchDatabase database)
    {
        var now = DateTime.UtcNow;
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        foreach (var chunk in Enumerable.Range(0, settings.SweepProfiles).Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Profiles.AddRange(chunk.Select(i => new TiktokProfile
            {
                Handle = $"sweep_{i}",
                MonitoringEnabled = true,
                NextMonitoringRun = i < settings.SweepDue ? now.AddMinutes(-1) : now.AddDays(1),
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        }
    }
}
