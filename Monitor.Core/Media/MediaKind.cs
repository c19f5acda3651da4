namespace Monitor.Core.Media;

/// <summary>What an image belongs to.</summary>
public enum MediaKind
{
    /// <summary>A profile's avatar (the reference has no post).</summary>
    Avatar,

    /// <summary>A post's cover.</summary>
    Cover,
}
