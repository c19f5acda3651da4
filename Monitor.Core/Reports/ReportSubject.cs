namespace Monitor.Core.Reports;

/// <summary>Who a report is about: one profile, or a group's members.</summary>
internal sealed record ReportSubject(string Name, Guid? GroupId, IReadOnlyList<Guid> ProfileIds, IReadOnlyDictionary<Guid, string> Handles);
