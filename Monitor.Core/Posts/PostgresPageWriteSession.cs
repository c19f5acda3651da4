using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// One prepared statement per page (<see cref="PostgresPageSql.Page"/>) on a connection held open for the run: a page is
/// one round trip and one implicit transaction, with no context, plan or extra transaction per page.
/// </summary>
internal sealed class PostgresPageWriteSession : IPageWriteSession
{
    private readonly MonitorDbContext _db;
    private readonly RunPageTarget _target;
    private readonly NpgsqlCommand _command;
    private readonly PostgresPostArrays _posts;
    private readonly NpgsqlParameter<long> _logId = new("log_id", NpgsqlDbType.Bigint);
    private readonly NpgsqlParameter<Guid> _claimToken = new("claim_token", NpgsqlDbType.Uuid);
    private readonly NpgsqlParameter<int> _pages = new("pages", NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<int> _postsSeen = new("posts_seen", NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<int> _requests = new("requests", NpgsqlDbType.Integer);
    private readonly NpgsqlParameter<DateTime> _heartbeatAt = new("heartbeat_at", NpgsqlDbType.TimestampTz);
    private bool _prepared;

    private PostgresPageWriteSession(MonitorDbContext db, RunPageTarget target)
    {
        _db = db;
        _target = target;
        _command = new NpgsqlCommand(PostgresPageSql.Page, (NpgsqlConnection)db.Database.GetDbConnection());
        _posts = new PostgresPostArrays(_command);
        NpgsqlParameter[] run = [_logId, _claimToken, _pages, _postsSeen, _requests, _heartbeatAt];
        _command.Parameters.AddRange(run);
        _logId.TypedValue = target.LogId;
        _claimToken.TypedValue = target.ClaimToken;
    }

    public static async Task<IPageWriteSession> OpenAsync(IDbContextFactory<MonitorDbContext> contextFactory, RunPageTarget target, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return new PostgresPageWriteSession(db, target);
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
        _posts.Bind(_target.ProfileId, page.Posts, page.ObservedAt);
        _pages.TypedValue = page.Pages;
        _postsSeen.TypedValue = page.PostsSeen;
        _requests.TypedValue = page.Requests;
        _heartbeatAt.TypedValue = page.HeartbeatAt;
        try
        {
            if (!_prepared)
            {
                // Prepared on the physical connection: later pages (and later runs on the same pooled connection) skip parse and plan.
                await _command.PrepareAsync(cancellationToken);
                _prepared = true;
            }

            await using var reader = await _command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var owned = reader.GetInt64(0) > 0;
            var written = (int)reader.GetInt64(1);
            return owned ? written : null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw ProfileDeletedException.For(_target.ProfileId, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _db.DisposeAsync();
    }
}
