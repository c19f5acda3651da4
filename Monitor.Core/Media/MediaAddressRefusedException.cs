namespace Monitor.Core.Media;

/// <summary>The image's host resolves only to addresses the media cache may not fetch from.</summary>
public sealed class MediaAddressRefusedException(string host)
    : IOException($"{host} resolves only to private or local addresses (Media:AllowPrivateAddresses is off).")
{
}
