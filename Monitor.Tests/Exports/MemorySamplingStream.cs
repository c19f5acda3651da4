namespace Monitor.Tests.Exports;

/// <summary>
/// A write-only sink that counts bytes and lines and, every so many bytes, measures the live managed heap (after a full
/// collection), so a test can tell a streamed export from one held in memory. One blocking collection a sample:
/// <see cref="GC.GetTotalMemory(bool)"/> collects until the heap settles, up to 20 times, which at the end of the
/// suite (a test process of several GB) took most of the test's minute.
/// </summary>
internal sealed class MemorySamplingStream(int sampleEveryBytes) : Stream
{
    private readonly long _baseline = LiveHeap();
    private long _nextSample = sampleEveryBytes;
    private long _peak;

    public long BytesWritten { get; private set; }

    public long Lines { get; private set; }

    public long LiveHeapGrowth => Math.Max(0, _peak - _baseline);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => BytesWritten;

    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BytesWritten += buffer.Length;
        Lines += buffer.Count((byte)'\n');
        if (BytesWritten >= _nextSample)
        {
            _nextSample += sampleEveryBytes;
            _peak = Math.Max(_peak, LiveHeap());
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
