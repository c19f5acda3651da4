using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Monitor.Core.Data;

/// <summary>
/// A read-only transaction in which every statement sees the database as the first one did: a read made of several
/// statements (a profile and its runs) then never shows half of a write that committed between two of them, such as a
/// completed run beside a profile whose last run is not yet set.
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _owned;

    private ReadSnapshot(IDbContextTransaction transaction, DbTransaction? owned)
    {
        _transaction = transaction;
        _owned = owned;
    }

    public static async Task<ReadSnapshot> BeginAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // REPEATABLE READ takes one snapshot at the first statement; a read-only one never fails to serialise.
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
            return new ReadSnapshot(transaction, null);
        }

        // A deferred SQLite transaction reads one WAL snapshot from its first read on, and takes no write lock
        // (EF's BeginTransaction would issue BEGIN IMMEDIATE and queue behind the writers).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        var used = await db.Database.UseTransactionAsync(sqlite, cancellationToken)
            ?? throw new InvalidOperationException("The SQLite read transaction was not taken up by the context.");
        return new ReadSnapshot(used, sqlite);
    }

    /// <summary>Ends the transaction (a rollback: nothing was written).</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
