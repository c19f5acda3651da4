namespace Monitor.Core.Scans;

/// <summary>A rung's state for a profile: posts younger than <see cref="MaxAge"/> (all posts when null), refreshed every <see cref="Every"/>.</summary>
/// <param name="LastRefresh">Start of the last completed run that covered the rung; null when none has.</param>
/// <param name="DueAt">When the rung is next due (early enough for an hourly sweep and its jitter to keep the promise).</param>
public sealed record ScanRung(TimeSpan? MaxAge, TimeSpan Every, DateTime? LastRefresh, DateTime DueAt);
