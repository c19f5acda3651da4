namespace Monitor.Core.Media;

/// <summary>What one pass of the media cache did.</summary>
public sealed record MediaPassResult(int Marked, int Stored, int Failed, int Removed);
