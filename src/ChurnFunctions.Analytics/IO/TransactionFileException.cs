namespace ChurnFunctions.Analytics.IO;

/// <summary>A transaction file line that cannot be parsed; carries the 1-based line number.</summary>
public sealed class TransactionFileException : Exception
{
    public TransactionFileException() { }

    public TransactionFileException(string message) : base(message) { }

    public TransactionFileException(string message, Exception inner) : base(message, inner) { }

    public TransactionFileException(long lineNumber, string message) : base($"Line {lineNumber}: {message}") => LineNumber = lineNumber;

    public long LineNumber { get; }
}
