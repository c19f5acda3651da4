namespace Monitor.Web.Endpoints;

/// <param name="Name">1–100 characters, unique (case-insensitive); renaming is for instance admins.</param>
/// <param name="MonthlyCreditBudget">Credits the workspace may spend a calendar month (0 or more); left out keeps the budget.</param>
/// <param name="RemoveBudget">True removes the workspace's budget (no limit of its own).</param>
internal sealed record WorkspaceRequest(string? Name, int? MonthlyCreditBudget, bool? RemoveBudget);
