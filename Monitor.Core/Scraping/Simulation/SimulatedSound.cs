namespace Monitor.Core.Scraping.Simulation;

/// <summary>A simulated post's sound (<c>music</c>).</summary>
internal sealed record SimulatedSound(string Id, string Title, string Author, bool IsOriginal);
