using System.Text;

namespace ChurnFunctions.Storage.Tables;

/// <summary>
/// Makes any text a valid PartitionKey or RowKey part. Table keys cannot hold / \ # ? or control characters, and
/// keys travel in URLs and OData literals, so everything outside a small safe set (ASCII letters and digits and
/// - _ . @ : + = ! ,) is written as ~XX per UTF-8 byte. "|" is escaped too, so it can separate parts of a
/// composite key. The encoding is reversible and keeps ASCII-only keys readable ("email:a@b.c" stays as it is).
/// </summary>
public static class KeyEncoder
{
    private const char Escape = '~';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsSafe))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsSafe(c))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), buffer)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
            foreach (var b in buffer[..length])
            {
                builder.Append(Escape).Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains(Escape, StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == Escape)
            {
                if (!IsHex(encoded, i + 1))
                {
                    throw new FormatException("A table key has an incomplete ~XX escape.");
                }

                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded.AsSpan(i, 1).ToArray()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsHex(string text, int start) =>
        start + 1 < text.Length && char.IsAsciiHexDigit(text[start]) && char.IsAsciiHexDigit(text[start + 1]);

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or ':' or '+' or '=' or '!' or ',';
}
