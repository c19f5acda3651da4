using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// Runs an action once, right after the first query whose SQL names a given table has executed, on any context the
/// host creates: a concurrent write that lands between two statements of one read, every time.
/// </summary>
public sealed class StatementHook : DbCommandInterceptor
{
    private string? _table;
    private Func<Task>? _action;

    public bool Ran { get; private set; }

    /// <summary>Adds the hook to both providers' contexts (the one not in use never reads it).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<PostgresMonitorDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<SqliteMonitorDbContext>(o => o.AddInterceptors(this));
    }

    /// <summary>Arms the hook: <paramref name="action"/> runs (and is awaited) after the next query naming <paramref name="table"/>.</summary>
    public void AfterFirstQueryOf(string table, Func<Task> action)
    {
        _table = table;
        _action = action;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_table is { } table && command.CommandText.Contains(table, StringComparison.Ordinal)
            && Interlocked.Exchange(ref _action, null) is { } action)
        {
            await action();
            Ran = true;
        }

        return result;
    }
}
