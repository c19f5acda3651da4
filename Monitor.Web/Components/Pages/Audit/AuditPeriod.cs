namespace Monitor.Web.Components.Pages.Audit;

/// <summary>The page's period choices: the last N days up to now, or everything kept.</summary>
public sealed record AuditPeriod(string Label, int? Days)
{
    public static IReadOnlyList<AuditPeriod> All { get; } =
    [
        new("Last 24 hours", 1),
        new("Last 7 days", 7),
        new("Last 30 days", 30),
        new("Last 365 days", 365),
        new("Everything kept", null),
    ];
}
