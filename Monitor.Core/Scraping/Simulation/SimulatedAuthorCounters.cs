namespace Monitor.Core.Scraping.Simulation;

/// <summary>The account counters a simulated feed page's posts carry in their <c>author</c>.</summary>
internal sealed record SimulatedAuthorCounters(long Followers, long Following, long Likes, long Videos);
