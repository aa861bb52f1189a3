namespace ChurnFunctions.Analytics.IO;

/// <summary>Transaction file layouts the fit runner reads.</summary>
public enum TransactionFileFormat
{
    /// <summary>CDNOW master: whitespace-separated id, yyyyMMdd, count, dollar value.</summary>
    Cdnow,

    /// <summary>CSV with a header naming customer_id, date and optionally amount.</summary>
    Csv,
}
