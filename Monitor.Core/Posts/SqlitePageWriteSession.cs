using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Posts;

/// <summary>
/// A run's pages on one connection held open for the run, with the progress update and the post statements prepared
/// once: per page, a transaction with the progress first (conditional on the claim), then the posts.
/// </summary>
internal sealed class SqlitePageWriteSession : IPageWriteSession
{
    private const string ProgressSql = """
        UPDATE profile_monitoring_logs
        SET pages_scraped = $pages, posts_scraped = $posts_seen, requests_made = $requests, heartbeat_at = $heartbeat_at
        WHERE id = $log_id AND status = 'running' AND claim_token = $claim_token
        """;

    private readonly MonitorDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _progress;
    private readonly SqliteParameter _pages;
    private readonly SqliteParameter _postsSeen;
    private readonly SqliteParameter _requests;
    private readonly SqliteParameter _heartbeatAt;
    private readonly SqlitePostStatements _posts;

    private SqlitePageWriteSession(MonitorDbContext db, RunPageTarget target)
    {
        _db = db;
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _progress = new SqliteCommand(ProgressSql, _connection);
        _progress.Parameters.AddWithValue("$log_id", target.LogId);
        _progress.Parameters.AddWithValue("$claim_token", target.ClaimToken.ToString().ToUpperInvariant());
        _pages = _progress.Parameters.Add(new SqliteParameter("$pages", null));
        _postsSeen = _progress.Parameters.Add(new SqliteParameter("$posts_seen", null));
        _requests = _progress.Parameters.Add(new SqliteParameter("$requests", null));
        _heartbeatAt = _progress.Parameters.Add(new SqliteParameter("$heartbeat_at", null));
        _posts = new SqlitePostStatements(_connection, target.ProfileId);
    }

    public static async Task<IPageWriteSession> OpenAsync(IDbContextFactory<MonitorDbContext> contextFactory, RunPageTarget target, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new SqlitePageWriteSession(db, target);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task<int?> WriteAsync(PageWrite page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        _progress.Transaction = transaction;
        _pages.Value = page.Pages;
        _postsSeen.Value = page.PostsSeen;
        _requests.Value = page.Requests;
        _heartbeatAt.Value = page.HeartbeatAt;
        if (await _progress.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }

        var written = await _posts.WriteAsync(transaction, page.Posts, page.ObservedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _progress.DisposeAsync();
        await _posts.DisposeAsync();
        await _db.DisposeAsync();
    }
}
