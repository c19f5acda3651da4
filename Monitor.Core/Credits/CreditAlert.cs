namespace Monitor.Core.Credits;

/// <summary>
/// A budget threshold crossed (once per month and kind across all nodes), or the provider's 402: the instance's, or a
/// workspace's own budget (<see cref="WorkspaceId"/> set), which goes only to that workspace's channels.
/// </summary>
public sealed record CreditAlert(
    CreditAlertKind Kind,
    DateOnly MonthStart,
    long? MonthlyBudget,
    long SpentThisMonth,
    string Message,
    Guid? WorkspaceId = null,
    string? WorkspaceName = null);
