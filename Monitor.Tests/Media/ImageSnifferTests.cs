using Monitor.Core.Media;

namespace Monitor.Tests.Media;

public sealed class ImageSnifferTests
{
    public static TheoryData<byte[], string?> Cases => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1], "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { "GIF89a\u0001\0\u0001\0\0\0"u8.ToArray(), "image/gif" },
        { "RIFF\u0024\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "\0\0\0\u001cftypavif\0\0\0\0"u8.ToArray(), "image/avif" },
        { "\0\0\0\u0018ftypheic\0\0\0\0"u8.ToArray(), "image/heic" },
        { "\0\0\0\u0018ftypmp42\0\0\0\0"u8.ToArray(), null },
        { "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), null },
        { "<html><body>hi</body></html>"u8.ToArray(), null },
        { "RIFF\u0024\0\0\0WAVEfmt "u8.ToArray(), null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ContentTypeOf_FirstBytes_RecognisesImagesOnly(byte[] head, string? expected) =>
        Assert.Equal(expected, ImageSniffer.ContentTypeOf(head));
}
