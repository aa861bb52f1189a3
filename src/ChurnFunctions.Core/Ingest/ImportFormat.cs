namespace ChurnFunctions.Core.Ingest;

public enum ImportFormat
{
    Csv,
    Cdnow,
    PosJson,
}
