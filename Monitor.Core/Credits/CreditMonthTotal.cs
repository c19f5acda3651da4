namespace Monitor.Core.Credits;

/// <summary>
/// A month's credits, kept as a running total beside the ledger (incremented in the same transaction as the ledger
/// insert), so the budget's status reads one row instead of summing the month's ledger. One row for the instance
/// (<see cref="Instance"/>) and one per workspace charged that month; <see cref="CreditMonthTotals.RebuildAsync"/>
/// recomputes them from the ledger.
/// </summary>
public sealed class CreditMonthTotal
{
    /// <summary>The workspace id of the instance's own total: every charge once, whichever workspaces it went to.</summary>
    public static readonly Guid Instance = Guid.Empty;

    /// <summary>The first day of the reporting zone's month.</summary>
    public DateOnly Month { get; set; }

    public Guid WorkspaceId { get; set; }

    public long Credits { get; set; }
}
