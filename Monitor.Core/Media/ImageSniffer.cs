namespace Monitor.Core.Media;

/// <summary>Recognises an image by its first bytes, whatever the server's Content-Type says.</summary>
public static class ImageSniffer
{
    /// <summary>Bytes needed to recognise every format below.</summary>
    public const int HeaderLength = 12;

    /// <returns>The content type to serve it with, or null when the bytes are not a JPEG, PNG, GIF, WebP, AVIF or HEIC image.</returns>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        // ISO base media: a box size, "ftyp", then the major brand.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return "image/avif";
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8))
            {
                return "image/heic";
            }
        }

        return null;
    }
}
