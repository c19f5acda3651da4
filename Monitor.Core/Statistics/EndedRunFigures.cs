using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Statistics;

/// <summary>
/// Reads the aggregates of <see cref="EndedRunsSql"/> for a period: a few hundred rows a day and a row a profile
/// instead of every run. Each read has a context (a connection) of its own, so that on PostgreSQL they can run side by
/// side. A restricted context's workspaces are passed on, as its query filters would apply them.
/// </summary>
internal sealed class EndedRunFigures(IDbContextFactory<MonitorDbContext> contextFactory, DateTime from, DateTime to)
{
    // With the default 4 MB a month of runs at 10,000 profiles (300,000 rows) was sorted on disk.
    private const string SortMemory = "SET LOCAL work_mem = '64MB'";

    public Task<List<DayRunRow>> PerDayAsync(IReadOnlyList<DateTime> dayStarts, CancellationToken cancellationToken) =>
        ReadAsync((db, postgres, parameters) =>
        {
            if (postgres)
            {
                parameters.Add(dayStarts.ToArray());
            }
            else
            {
                parameters.AddRange(dayStarts.Cast<object>());
            }

            return db.Database.SqlQueryRaw<DayRunRow>(EndedRunsSql.PerDay(postgres, dayStarts.Count - 1, db.IsRestricted), [.. parameters])
                .ToListAsync(cancellationToken);
        }, cancellationToken);

    public Task<List<ProfileRunRow>> PerProfileAsync(CancellationToken cancellationToken) =>
        ReadAsync((db, postgres, parameters) =>
            db.Database.SqlQueryRaw<ProfileRunRow>(EndedRunsSql.PerProfile(postgres, db.IsRestricted), [.. parameters]).ToListAsync(cancellationToken),
            cancellationToken);

    /// <returns>The duration at each nearest-rank percentile of the period's timed runs; none when no run was timed.</returns>
    public Task<Dictionary<double, double>> DurationsAtAsync(IReadOnlyList<double> percentiles, CancellationToken cancellationToken) =>
        ReadAsync(async (db, postgres, parameters) =>
        {
            if (postgres)
            {
                var picked = await db.Database.SqlQueryRaw<RankedDurationRow>(EndedRunsSql.DurationsAtPercentiles(db.IsRestricted, percentiles), [.. parameters])
                    .ToListAsync(cancellationToken);
                return picked.ToDictionary(r => percentiles[(int)r.DurationRank - 1], r => r.Value);
            }

            var timed = await db.Database.SqlQueryRaw<long>(EndedRunsSql.Timed(db.IsRestricted), [.. parameters]).SingleAsync(cancellationToken);
            if (timed == 0)
            {
                return [];
            }

            var ranks = percentiles.ToDictionary(p => p, p => Percentiles.RankOf(timed, p));
            var rows = await db.Database.SqlQueryRaw<RankedDurationRow>(EndedRunsSql.DurationsAtRanks(db.IsRestricted, ranks.Values.Distinct()), [.. parameters])
                .ToListAsync(cancellationToken);
            var byRank = rows.ToDictionary(r => r.DurationRank, r => r.Value);
            return ranks.ToDictionary(p => p.Key, p => byRank[p.Value]);
        }, cancellationToken);

    private async Task<T> ReadAsync<T>(Func<MonitorDbContext, bool, List<object>, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var postgres = db.Provider == DatabaseProvider.Postgres;
        if (!postgres)
        {
            return await read(db, false, Parameters(db, false));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SortMemory, cancellationToken);
        var result = await read(db, true, Parameters(db, true));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private List<object> Parameters(MonitorDbContext db, bool postgres)
    {
        List<object> parameters = [from, to];
        if (db.IsRestricted)
        {
            // SQLite keeps a Guid as upper-case text.
            parameters.Add(postgres
                ? db.RestrictedToWorkspaceIds.ToArray()
                : JsonSerializer.Serialize(db.RestrictedToWorkspaceIds.Select(id => id.ToString().ToUpperInvariant())));
        }

        return parameters;
    }
}
