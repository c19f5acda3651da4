using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Audit;

/// <summary>Reads the audit log for the API and the admin page: filtered, newest first, paged with a total.</summary>
public sealed class AuditLogQueries(IDbContextFactory<MonitorDbContext> contextFactory)
{
    public async Task<PagedResult<AuditEntryView>> ListAsync(AuditLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditLogQuery.MaxPageSize);
        var page = Paging.ClampPage(query.Page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db.AuditLog.AsNoTracking(), query);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(Paging.Offset(page, pageSize))
            .Take(pageSize)
            .Select(e => new AuditEntryView(e.Id, e.OccurredAt, e.ActorKind, e.ActorId, e.ActorName, e.SourceAddress, e.Action,
                e.TargetKind, e.TargetId, e.TargetLabel, e.OldValues, e.NewValues))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryView>(items, total, page, pageSize);
    }

    /// <summary>The action names recorded so far, for the page's filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): culture overloads do not translate.
    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditLogQuery query)
    {
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.ActorName.ToLower().Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            var prefix = action + ".";
            entries = action.Contains('.', StringComparison.Ordinal)
                ? entries.Where(e => e.Action == action)
                : entries.Where(e => e.Action.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = query.Target.Trim();
            var lower = target.ToLowerInvariant();
            entries = entries.Where(e => e.TargetId == target || (e.TargetLabel != null && e.TargetLabel.ToLower().Contains(lower)));
        }

        return entries;
    }
#pragma warning restore CA1304, CA1311, CA1862
}
