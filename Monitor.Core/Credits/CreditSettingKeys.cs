namespace Monitor.Core.Credits;

/// <summary>The credit settings kept in <c>app_settings</c>, so every node reads the same budget and pause.</summary>
internal static class CreditSettingKeys
{
    public const string MonthlyBudget = "credits.monthly_budget";
    public const string OutOfCreditsSince = "credits.out_of_credits_since";

    /// <summary>One row per month and alert kind: inserting it is how one node, and only one, claims the alert.</summary>
    public static string Alert(DateOnly monthStart, CreditAlertKind kind) =>
        $"credits.alert.{monthStart:yyyy-MM}.{kind.ToString().ToLowerInvariant()}";

    /// <summary>The same claim for one workspace's own budget.</summary>
    public static string Alert(DateOnly monthStart, CreditAlertKind kind, Guid workspaceId) =>
        $"{Alert(monthStart, kind)}.workspace.{workspaceId:N}";
}
