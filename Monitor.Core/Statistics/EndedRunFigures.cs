using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;

namespace Monitor.Core.Statistics;

/// <summary>
/// Reads the aggregates of <see cref="EndedRunsSql"/> for a period: a few hundred rows a day and a row a profile
/// instead of every run. A restricted context's workspaces are passed on, as its query filters would apply them.
/// </summary>
internal sealed class EndedRunFigures(MonitorDbContext db, DateTime from, DateTime to)
{
    private const string SortMemory = "SET LOCAL work_mem = '64MB'";

    private bool Postgres => db.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// On PostgreSQL, a transaction whose sorts may use 64 MB: with the default 4 MB a month of
    /// runs at 10,000 profiles (300,000 rows) was sorted on disk.
    /// </summary>
    public async Task<IDbContextTransaction?> BeginAsync(CancellationToken cancellationToken)
    {
        if (!Postgres)
        {
            return null;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SortMemory, cancellationToken);
        return transaction;
    }

    public async Task<List<DayRunRow>> PerDayAsync(IReadOnlyList<DateTime> dayStarts, CancellationToken cancellationToken)
    {
        var parameters = Parameters();
        if (Postgres)
        {
            parameters.Add(dayStarts.ToArray());
        }
        else
        {
            parameters.AddRange(dayStarts.Cast<object>());
        }

        return await db.Database.SqlQueryRaw<DayRunRow>(EndedRunsSql.PerDay(Postgres, dayStarts.Count - 1, db.IsRestricted), [.. parameters])
            .ToListAsync(cancellationToken);
    }

    public Task<List<ProfileRunRow>> PerProfileAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<ProfileRunRow>(EndedRunsSql.PerProfile(Postgres, db.IsRestricted), [.. Parameters()]).ToListAsync(cancellationToken);

    /// <returns>The duration at each 1-based rank of the timed runs in ascending order.</returns>
    public async Task<Dictionary<long, double>> DurationsAtRanksAsync(IReadOnlyCollection<int> ranks, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<RankedDurationRow>(EndedRunsSql.DurationsAtRanks(Postgres, db.IsRestricted, ranks), [.. Parameters()])
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.DurationRank, r => r.Value);
    }

    private List<object> Parameters()
    {
        List<object> parameters = [from, to];
        if (db.IsRestricted)
        {
            // SQLite keeps a Guid as upper-case text.
            parameters.Add(Postgres
                ? db.RestrictedToWorkspaceIds.ToArray()
                : JsonSerializer.Serialize(db.RestrictedToWorkspaceIds.Select(id => id.ToString().ToUpperInvariant())));
        }

        return parameters;
    }
}
