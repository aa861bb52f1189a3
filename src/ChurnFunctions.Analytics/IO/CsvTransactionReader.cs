using System.Text;
using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.IO;

/// <summary>
/// CSV with a header row naming customer_id, date and optionally amount (any order, case-insensitive,
/// other columns ignored). Dates are ISO 8601 dates or date-times; a date-time contributes its date part as
/// written (day resolution). Numeric customer ids are kept; other ids are numbered 1, 2, ... in order of
/// first appearance. Fields may be wrapped in double quotes (RFC 4180), holding commas and "" for a quote, but not line
/// breaks: the reader goes line by line. A quoted value keeps its "" as written, which groups ids all the same.
/// </summary>
public static class CsvTransactionReader
{
    public static PurchaseHistory Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream);
    }

    public static PurchaseHistory Read(Stream stream)
    {
        PurchaseHistoryBuilder? builder = null;
        int idColumn = -1, dateColumn = -1, amountColumn = -1, columns = 0;
        Dictionary<string, long>? names = null;
        long lineNumber = 0;
        LineScanner.Scan(stream, line =>
        {
            lineNumber++;
            if (line.IsEmpty || line.Trim((byte)' ').IsEmpty) return;
            if (builder is null)
            {
                (idColumn, dateColumn, amountColumn, columns) = Header(line, lineNumber);
                builder = new PurchaseHistoryBuilder(hasAmounts: amountColumn >= 0, expectedRows: 1 << 16, expectedCustomers: 1 << 12);
                return;
            }

            scoped ReadOnlySpan<byte> id = default, date = default, amount = default;
            var rest = line;
            for (var column = 0; column < columns; column++)
            {
                var field = NextField(ref rest);
                if (column == idColumn) id = field;
                else if (column == dateColumn) date = field;
                else if (column == amountColumn) amount = field;
            }

            if (id.IsEmpty) throw new TransactionFileException(lineNumber, "customer_id is empty.");
            if (!AsciiParse.TryIsoDate(date, out var day)) throw new TransactionFileException(lineNumber, "date is not an ISO 8601 date or date-time.");
            double value = 0;
            if (amountColumn >= 0 && !amount.IsEmpty && !AsciiParse.TryDouble(amount, out value))
                throw new TransactionFileException(lineNumber, "amount is not a number.");
            if (!AsciiParse.TryLong(id, out var customer))
            {
                names ??= new Dictionary<string, long>(StringComparer.Ordinal);
                var key = Encoding.UTF8.GetString(id);
                if (!names.TryGetValue(key, out customer)) names.Add(key, customer = names.Count + 1);
            }

            builder.Add(customer, day, value);
        });
        return (builder ?? throw new TransactionFileException("The CSV file has no header row.")).Build();
    }

    private static (int Id, int Date, int Amount, int Columns) Header(ReadOnlySpan<byte> line, long lineNumber)
    {
        int id = -1, date = -1, amount = -1, column = 0;
        var rest = line;
        while (true)
        {
            var name = Encoding.UTF8.GetString(NextField(ref rest)).Trim().TrimStart('\uFEFF');
            if (name.Equals("customer_id", StringComparison.OrdinalIgnoreCase)) id = column;
            else if (name.Equals("date", StringComparison.OrdinalIgnoreCase)) date = column;
            else if (name.Equals("amount", StringComparison.OrdinalIgnoreCase)) amount = column;
            column++;
            if (rest.IsEmpty) break;
        }

        if (id < 0 || date < 0) throw new TransactionFileException(lineNumber, "the header needs customer_id and date columns.");
        return (id, date, amount, Math.Max(Math.Max(id, date), amount) + 1);
    }

    /// <summary>Next comma-separated field, trimmed of spaces and surrounding quotes; consumes the comma.</summary>
    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> rest)
    {
        var start = rest.TrimStart((byte)' ');
        if (!start.IsEmpty && start[0] == (byte)'"')
        {
            // Quoted: the field runs to the first quote that is not doubled, commas included.
            var i = 1;
            while (i < start.Length && !(start[i] == (byte)'"' && (i + 1 == start.Length || start[i + 1] != (byte)'"')))
            {
                i += start[i] == (byte)'"' ? 2 : 1;
            }

            var quoted = start[1..Math.Min(i, start.Length)];
            var after = i < start.Length ? start[(i + 1)..] : default;
            var next = after.IndexOf((byte)',');
            rest = next < 0 ? default : after[(next + 1)..];
            return quoted;
        }

        var comma = rest.IndexOf((byte)',');
        var field = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? default : rest[(comma + 1)..];
        field = field.Trim((byte)' ');
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"') field = field[1..^1];
        return field;
    }
}
