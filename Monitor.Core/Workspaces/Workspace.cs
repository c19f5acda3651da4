namespace Monitor.Core.Workspaces;

/// <summary>A team's share of the instance: its profiles (linked), groups, channels, keys, reports, share links and budget.</summary>
public sealed class Workspace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Credits the workspace may spend in a calendar month; null = no limit of its own.</summary>
    public int? MonthlyCreditBudget { get; set; }
}
