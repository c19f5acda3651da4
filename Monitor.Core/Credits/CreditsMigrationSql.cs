namespace Monitor.Core.Credits;

/// <summary>
/// What the <c>CreditWorkspaceAttribution</c> migration does to an existing ledger, on both databases: each entry is
/// charged to the workspaces watching its profile at upgrade time (the best record there is of who watched it), and
/// the month totals are summed from the ledger once, as <see cref="CreditMonthTotals.RebuildAsync"/> would.
/// </summary>
public static class CreditsMigrationSql
{
    public static string AttributeExistingEntries { get; } =
        """
        INSERT INTO credit_ledger_workspaces (entry_id, workspace_id)
        SELECT e.id, l.workspace_id FROM credit_ledger e JOIN workspace_profiles l ON l.profile_id = e.profile_id;
        """;

    public static string SumMonthTotals(string? activeProvider)
    {
        var month = activeProvider?.Contains("Sqlite", StringComparison.Ordinal) == true
            ? "date(e.day, 'start of month')"
            : "CAST(date_trunc('month', e.day) AS date)";
        return $"""
            INSERT INTO credit_month_totals (month, workspace_id, credits)
            SELECT {month}, '{CreditMonthTotal.Instance}', SUM(e.credits) FROM credit_ledger e GROUP BY {month};
            INSERT INTO credit_month_totals (month, workspace_id, credits)
            SELECT {month}, a.workspace_id, SUM(e.credits)
            FROM credit_ledger e JOIN credit_ledger_workspaces a ON a.entry_id = e.id GROUP BY {month}, a.workspace_id;
            """;
    }
}
