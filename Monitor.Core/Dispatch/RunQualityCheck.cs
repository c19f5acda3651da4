using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Core.Changes;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Quality;
using Monitor.Core.Runs;

namespace Monitor.Core.Dispatch;

/// <summary>
/// The quality check of a completed run, inside its close transaction and before the totals are recomputed: the facts
/// gathered set-based, the decision left to <see cref="DataQualityPolicy"/>, then either the run marked suspect and the
/// posts it wrote put back to their newest trusted values, or (a trusted full scan) the posts it missed counted.
/// The page writes stay one statement each; the cost is paid once per run, here.
/// </summary>
public sealed class RunQualityCheck(IOptions<QualityOptions> options)
{
    /// <param name="started">When the run started: a trusted full scan counts what it missed from then.</param>
    /// <returns>The verdict stored on the run, or null when the run is trusted.</returns>
    public async Task<SuspectVerdict?> ApplyAsync(MonitorDbContext db, RunClaim claim, RunProgress progress, DateTime? started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(progress);
        var facts = await GatherAsync(db, claim, progress, cancellationToken);
        var verdict = DataQualityPolicy.Decide(facts, options.Value);
        if (verdict is not null)
        {
            await db.Runs.Where(l => l.Id == claim.LogId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.SuspectReason, verdict.Reason)
                .SetProperty(l => l.SuspectObserved, verdict.Observed)
                .SetProperty(l => l.SuspectBaseline, verdict.Baseline), cancellationToken);
            if (progress.Posts > 0)
            {
                await db.Database.ExecuteSqlRawAsync(QualitySql.RestoreTrusted, [claim.LogId], cancellationToken);
            }
        }
        else if (claim.Scope.IsFull)
        {
            if (started is { } since)
            {
                await DirectSql.ExecuteAsync(db, UnseenChangesSql.Record, [claim.ProfileId, since, options.Value.UnseenAfterFullScans, claim.LogId],
                    cancellationToken);
                await DirectSql.ExecuteAsync(db, QualitySql.CountMissing, [claim.ProfileId, since], cancellationToken);
            }
        }

        return verdict;
    }

    private static async Task<RunQualityFacts> GatherAsync(MonitorDbContext db, RunClaim claim, RunProgress progress, CancellationToken cancellationToken)
    {
        var previous = await DirectSql.FirstAsync(db, PreviousRunsSql, [claim.ProfileId, claim.LogId],
            reader => new PreviousRuns(
                DirectSql.StringOrNull(reader, 0) is { } reason ? Enum.Parse<SuspectReason>(reason, ignoreCase: true) : null,
                reader.IsDBNull(1) ? null : reader.GetInt32(1)),
            cancellationToken) ?? new PreviousRuns(null, null);
        var stored = progress.Posts == 0 ? await db.Posts.CountAsync(p => p.ProfileId == claim.ProfileId, cancellationToken) : progress.Posts;
        var (compared, fallen) = progress.Posts == 0 ? (0, 0) : await FallenViewsAsync(db, claim.LogId, cancellationToken);
        return new RunQualityFacts(claim.Scope.IsFull, progress.Posts, stored, claim.Scope.IsFull ? previous.FullScanPosts : null, previous.Suspect,
            compared, fallen);
    }

    // One round trip: the verdict of the profile's last completed run before this one, and what its last full scan saw.
    private const string PreviousRunsSql = """
        SELECT
            (SELECT suspect_reason FROM profile_monitoring_logs
             WHERE profile_id = @p0 AND id <> @p1 AND status = 'completed'
             ORDER BY completed_at DESC, id DESC LIMIT 1),
            (SELECT posts_scraped FROM profile_monitoring_logs
             WHERE profile_id = @p0 AND id <> @p1 AND status = 'completed' AND scan_window_hours IS NULL
             ORDER BY completed_at DESC, id DESC LIMIT 1)
        """;

    private sealed record PreviousRuns(SuspectReason? Suspect, int? FullScanPosts);

    private static Task<(int Compared, int Fallen)> FallenViewsAsync(MonitorDbContext db, long runId, CancellationToken cancellationToken) =>
        CountFallenViewsAsync(db, db.Provider == DatabaseProvider.Postgres ? QualitySql.FallenViewsPostgres : QualitySql.FallenViews, runId, cancellationToken);

    /// <summary>Runs one of the fallen-views texts (<c>@p0</c> the run) on the context's connection and transaction.</summary>
    internal static async Task<(int Compared, int Fallen)> CountFallenViewsAsync(MonitorDbContext db, string sql, long runId, CancellationToken cancellationToken)
    {
        var counted = await DirectSql.FirstAsync(db, sql, [runId], reader => new FallenViews(
            Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        return counted is null ? (0, 0) : (counted.Compared, counted.Fallen);
    }

    private sealed record FallenViews(int Compared, int Fallen);
}
