namespace Monitor.Core.Posts;

/// <summary>One hashtag of a post's caption, as <see cref="Hashtags.Normalize"/> spells it: a row, so a filter is an index lookup.</summary>
public sealed class TiktokPostHashtag
{
    public long PostId { get; set; }
    public TiktokPost? Post { get; set; }
    public required string Tag { get; set; }
}
