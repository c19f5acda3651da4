using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Media;

/// <summary>
/// Downloads one image: http(s) only (redirects followed by hand, to http(s) only), under the size cap while streaming,
/// within the timeout, and kept only when its first bytes are an image's.
/// </summary>
public sealed class MediaDownloader(IHttpClientFactory httpClientFactory, IOptions<MediaOptions> options)
{
    public const string HttpClientName = "media";
    public const int MaxRedirects = 3;

    public async Task<MediaDownload> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        if (!MediaUrl.TryParse(url, out var uri))
        {
            return MediaDownload.Refused("Not an http(s) URL.");
        }

        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("image/*");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= MaxRedirects || response.Headers.Location is not { } location)
                    {
                        return MediaDownload.Refused(hop >= MaxRedirects ? "Too many redirects." : "A redirect without a location.");
                    }

                    uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (!MediaUrl.IsHttp(uri))
                    {
                        return MediaDownload.Refused("Redirected to a non-http(s) URL.");
                    }

                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    var message = $"HTTP {status}.";
                    // An expired signed link answers 403/404 for good; the next run brings a fresh link.
                    return status is >= 400 and < 500 and not 408 and not 429 ? MediaDownload.Refused(message) : MediaDownload.Failed(message);
                }

                if (response.Content.Headers.ContentLength > settings.MaxBytes)
                {
                    return MediaDownload.Refused($"Larger than {settings.MaxBytes} bytes.");
                }

                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                return await ReadImageAsync(body, settings.MaxBytes, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MediaDownload.Failed($"Timed out after {settings.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is MediaAddressRefusedException refused)
        {
            return MediaDownload.Refused(refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return MediaDownload.Failed(ex.HttpRequestError is HttpRequestError.Unknown ? "The request failed." : $"The request failed: {ex.HttpRequestError}.");
        }
        catch (IOException)
        {
            return MediaDownload.Failed("The connection broke while reading.");
        }
    }

    /// <summary>Stops at the first bytes when they are not an image, and at the cap plus one byte when it is too large.</summary>
    private static async Task<MediaDownload> ReadImageAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            string? contentType = null;
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return MediaDownload.Refused($"Larger than {maxBytes} bytes.");
                }

                buffer.Write(chunk, 0, read);
                if (contentType is null && buffer.Length >= ImageSniffer.HeaderLength)
                {
                    contentType = ImageSniffer.ContentTypeOf(buffer.GetBuffer().AsSpan(0, ImageSniffer.HeaderLength));
                    if (contentType is null)
                    {
                        return MediaDownload.Refused("Not an image (JPEG, PNG, GIF, WebP, AVIF or HEIC).");
                    }
                }
            }

            contentType ??= ImageSniffer.ContentTypeOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            return contentType is null
                ? MediaDownload.Refused("Not an image (JPEG, PNG, GIF, WebP, AVIF or HEIC).")
                : MediaDownload.Image(buffer.ToArray(), contentType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
