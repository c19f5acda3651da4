using System.Net;

namespace Monitor.Core.Credits;

/// <summary>
/// Stands in for an answer's content so its envelope can be read as the client reads the body: no extra buffering, the
/// client's size cap and body timeout unchanged. Reports exactly once, when the body ends or the answer is disposed
/// unread (a retried attempt's body is never read).
/// </summary>
internal sealed class CountingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CreditEnvelopeScanner _scanner = new();
    private readonly Action<CreditEnvelopeScanner> _report;
    private int _reported;

    public CountingContent(HttpContent inner, Action<CreditEnvelopeScanner> report)
    {
        _inner = inner;
        _report = report;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new CountingStream(await _inner.ReadAsStreamAsync(cancellationToken), _scanner, Report);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Report();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Report()
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _report(_scanner);
        }
    }
}
