namespace ChurnFunctions.Core.Exports;

/// <summary>How a column's values are typed in a file: what Power BI, Excel or pandas should read them as.</summary>
public enum ExportColumnType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>A money amount, exact (decimal).</summary>
    Decimal,

    /// <summary>A rate, probability or model figure (double).</summary>
    Number,

    /// <summary>A calendar day, ISO 8601 yyyy-MM-dd.</summary>
    Date,

    /// <summary>An instant in UTC, ISO 8601 yyyy-MM-ddTHH:mm:ssZ.</summary>
    Timestamp,

    /// <summary>true or false.</summary>
    Boolean,
}
