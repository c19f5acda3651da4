using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>
/// One page of a run: its deduplicated posts, when they were observed, and the run's progress and heartbeat, which
/// are written with the posts in the same transaction.
/// </summary>
public sealed record PageWrite(IReadOnlyList<PostSnapshot> Posts, DateTime ObservedAt, int Pages, int PostsSeen, int Requests, DateTime HeartbeatAt);
