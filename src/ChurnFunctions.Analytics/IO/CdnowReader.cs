using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.IO;

/// <summary>
/// CDNOW master format: whitespace-separated "customer_id yyyyMMdd number_of_cds dollar_value", each line
/// starting with a space, CRLF endings. Lines whose first token is not numeric (the header) are skipped.
/// </summary>
public static class CdnowReader
{
    public static PurchaseHistory Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream);
    }

    public static PurchaseHistory Read(Stream stream)
    {
        var builder = new PurchaseHistoryBuilder(hasAmounts: true, expectedRows: 1 << 16, expectedCustomers: 1 << 12);
        long lineNumber = 0;
        LineScanner.Scan(stream, line =>
        {
            lineNumber++;
            var rest = line;
            var id = NextToken(ref rest);
            if (id.IsEmpty || !AsciiParse.IsDigit(id[0])) return; // header or blank line
            if (!AsciiParse.TryLong(id, out var customer)) throw new TransactionFileException(lineNumber, "customer id is not an integer.");
            if (!AsciiParse.TryCompactDate(NextToken(ref rest), out var day)) throw new TransactionFileException(lineNumber, "date is not yyyyMMdd.");
            NextToken(ref rest); // number of CDs: not used by the models
            if (!AsciiParse.TryDouble(NextToken(ref rest), out var amount)) throw new TransactionFileException(lineNumber, "dollar value is not a number.");
            builder.Add(customer, day, amount);
        });
        return builder.Build();
    }

    private static ReadOnlySpan<byte> NextToken(ref ReadOnlySpan<byte> rest)
    {
        var start = 0;
        while (start < rest.Length && (rest[start] == (byte)' ' || rest[start] == (byte)'\t')) start++;
        var end = start;
        while (end < rest.Length && rest[end] != (byte)' ' && rest[end] != (byte)'\t') end++;
        var token = rest[start..end];
        rest = rest[end..];
        return token;
    }
}
