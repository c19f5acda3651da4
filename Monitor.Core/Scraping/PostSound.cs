namespace Monitor.Core.Scraping;

/// <summary>The sound a post uses (<c>music</c> in the feed): original when the creator recorded it for this post.</summary>
public sealed record PostSound(string Id, string? Title, string? Author, bool? IsOriginal);
