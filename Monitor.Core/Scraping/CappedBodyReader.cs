using System.Buffers;

namespace Monitor.Core.Scraping;

/// <summary>Reads a response body but refuses anything larger than a real page could be.</summary>
internal static class CappedBodyReader
{
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ScrapeCreatorsException TooLarge() =>
        ScrapeCreatorsErrors.InvalidBody($"the body is larger than {MaxBodyBytes / (1024 * 1024)} MB");
}
