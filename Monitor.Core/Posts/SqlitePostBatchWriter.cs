using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>Prepared single-row statements rebound inside the caller's transaction (see <see cref="SqlitePostStatements"/>).</summary>
internal sealed class SqlitePostBatchWriter(IDbContextFactory<MonitorDbContext> contextFactory) : IPostBatchWriter
{
    public Task<IPageWriteSession> OpenRunAsync(RunPageTarget target, CancellationToken cancellationToken) =>
        SqlitePageWriteSession.OpenAsync(contextFactory, target, cancellationToken);

    public async Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(posts);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await using var statements = new SqlitePostStatements(connection, profileId);
        return await statements.WriteAsync(transaction, posts, observedAt, cancellationToken);
    }
}
