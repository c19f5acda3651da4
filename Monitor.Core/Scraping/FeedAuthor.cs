using Monitor.Core.Audience;

namespace Monitor.Core.Scraping;

/// <summary>The monitored account as a feed page's posts name their author: its counters, name, bio and avatar.</summary>
public sealed record FeedAuthor(AccountCounters Counters, string? Nickname, string? Bio, string? AvatarUrl);
