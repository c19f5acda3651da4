namespace Monitor.Core.Media;

/// <summary>A stored image as the app serves it.</summary>
public sealed record StoredMedia(string Hash, string ContentType, byte[] Bytes);
