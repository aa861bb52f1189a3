namespace ChurnFunctions.Api.Exports;

/// <summary>
/// What the Parquet writer writes to: it knows its position (the writer records offsets in the footer) and buffers
/// until <see cref="DrainAsync"/> copies the bytes on asynchronously, as a response body requires (Kestrel refuses
/// synchronous writes, and the writer makes some). Drained after each row group, it holds one group at most.
/// </summary>
internal sealed class ForwardBufferStream(Stream destination) : Stream
{
    private readonly MemoryStream buffer = new();
    private long drained;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => drained + buffer.Length;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        drained += buffer.Length;
        buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => this.buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => this.buffer.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        this.buffer.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        this.buffer.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}
