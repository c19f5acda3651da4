namespace Monitor.Core.Scraping.Simulation;

/// <summary>A simulated post's counters at one instant; <see cref="Views"/> is null where the real API omits play_count.</summary>
internal sealed record SimulatedMetrics(long? Views, long Likes, long Comments, long Shares, long Saves);
