using ChurnFunctions.Analytics.Data;

namespace ChurnFunctions.Analytics.IO;

/// <summary>Reads a transaction file in the given format into a purchase history.</summary>
public static class TransactionFileReader
{
    public static PurchaseHistory Read(string path, TransactionFileFormat format) => format switch
    {
        TransactionFileFormat.Cdnow => CdnowReader.Read(path),
        TransactionFileFormat.Csv => CsvTransactionReader.Read(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown transaction file format."),
    };

    /// <summary>Parses "cdnow" or "csv" (case-insensitive).</summary>
    public static TransactionFileFormat ParseFormat(string format) => format.Trim().ToLowerInvariant() switch
    {
        "cdnow" => TransactionFileFormat.Cdnow,
        "csv" => TransactionFileFormat.Csv,
        _ => throw new ArgumentException($"Unknown format '{format}': use cdnow or csv.", nameof(format)),
    };
}
