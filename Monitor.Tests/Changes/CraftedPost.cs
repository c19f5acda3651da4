namespace Monitor.Tests.Changes;

/// <summary>One post of a <see cref="ChangeFeedPage"/>, as the upstream will report it on the next run.</summary>
internal sealed class CraftedPost(string id, DateTimeOffset postedAt)
{
    public string Id { get; } = id;
    public DateTimeOffset PostedAt { get; } = postedAt;
    public string Caption { get; set; } = "caption of " + id;
    public bool Pinned { get; set; }
    public long Views { get; set; } = 1_000;
}
