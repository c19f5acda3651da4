using System.Diagnostics;

namespace Monitor.Benchmarks;

/// <summary>
/// A response body that discards what it is given and notes when the first byte arrived, and the largest GC heap seen
/// at any write (sampled without collecting: an upper bound on what the request held, garbage included).
/// </summary>
internal sealed class FirstByteStream(Stopwatch clock) : Stream
{
    public TimeSpan? FirstByte { get; private set; }

    public long Bytes { get; private set; }

    public long PeakHeap { get; private set; }

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
        PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
