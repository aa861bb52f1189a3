namespace ChurnFunctions.Analytics.IO;

/// <summary>Receives one line without its terminator (LF or CRLF).</summary>
internal delegate void LineHandler(ReadOnlySpan<byte> line);

/// <summary>
/// Streams a file in 1 MiB blocks and hands out lines as spans into the block: no string per line, no
/// whole-file buffer, so a 10-million-row file costs the block plus the parsed columns.
/// </summary>
internal static class LineScanner
{
    private const int BlockSize = 1 << 20;

    public static void Scan(Stream stream, LineHandler handler)
    {
        var buffer = new byte[BlockSize];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the block
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) break;
            filled += read;
            var span = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (true)
            {
                var newline = span[consumed..].IndexOf((byte)'\n');
                if (newline < 0) break;
                handler(TrimCr(span.Slice(consumed, newline)));
                consumed += newline + 1;
            }

            span[consumed..].CopyTo(buffer);
            filled -= consumed;
        }

        if (filled > 0) handler(TrimCr(buffer.AsSpan(0, filled)));
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
