namespace Monitor.Core.Posts;

/// <summary>
/// Narrows a profile's posts by their free signals; a null field does not filter. <see cref="Hashtag"/> is spelt as
/// <see cref="Hashtags.Normalize"/> spells it, <see cref="SoundId"/> is a sound's numeric id.
/// </summary>
public sealed record PostFilter(
    bool? Pinned = null,
    bool? Ad = null,
    bool? PaidPartnership = null,
    bool? Shop = null,
    bool? OriginalSound = null,
    string? Hashtag = null,
    string? SoundId = null)
{
    public static PostFilter None { get; } = new();

    public bool IsEmpty => this == None;
}
