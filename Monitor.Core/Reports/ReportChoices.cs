namespace Monitor.Core.Reports;

/// <summary>What a report form offers: the profiles and groups to report on and the email channels to send through.</summary>
public sealed record ReportChoices(
    IReadOnlyList<(Guid Id, string Name)> Profiles,
    IReadOnlyList<(Guid Id, string Name)> Groups,
    IReadOnlyList<(Guid Id, string Name)> EmailChannels);
