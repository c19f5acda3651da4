namespace Monitor.Core.Share;

/// <summary>A shared sent report: what its download holds.</summary>
public sealed record SharedReportFile(string Name, string Period, DateTime CreatedAt, long Bytes);
