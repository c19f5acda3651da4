namespace Monitor.Core.Posts;

/// <summary>The run a page session writes for: its log row, the claim token the writes are conditional on, its profile.</summary>
public sealed record RunPageTarget(long LogId, Guid ClaimToken, Guid ProfileId);
