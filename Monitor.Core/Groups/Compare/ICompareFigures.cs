using Monitor.Core.Data;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// One family of the compare table's figures, computed in the database for the whole group at once (one query or a
/// few, never one a profile). Every registered implementation runs, in registration order.
/// </summary>
public interface ICompareFigures
{
    Task FillAsync(MonitorDbContext db, CompareScope scope, CompareRows rows, CancellationToken cancellationToken);
}
