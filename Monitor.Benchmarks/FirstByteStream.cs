using System.Diagnostics;

namespace Monitor.Benchmarks;

/// <summary>
/// A response body that discards what it is given and notes when the first byte arrived. With
/// <paramref name="measureLive"/>, it also collects the heap at the first write and every eighth after it and keeps the
/// largest live heap seen: what the request held while it wrote (too slow for the timed requests).
/// </summary>
internal sealed class FirstByteStream(Stopwatch clock, bool measureLive = false) : Stream
{
    private int _writes;

    public TimeSpan? FirstByte { get; private set; }

    public long Bytes { get; private set; }

    public long PeakLiveHeap { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Bytes;

    public override long Position { get => Bytes; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Note(count);

    public override void Write(ReadOnlySpan<byte> buffer) => Note(buffer.Length);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Note(count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Note(buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Note(int count)
    {
        if (count <= 0)
        {
            return;
        }

        FirstByte ??= clock.Elapsed;
        Bytes += count;
        if (measureLive && _writes++ % 8 == 0)
        {
            PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(forceFullCollection: true));
        }
    }
}
