namespace ChurnFunctions.Core.Ingest;

/// <summary>A message that no retry can fix: it goes to the poison queue at once, with this reason.</summary>
public sealed class InvalidIngestMessageException(string message) : Exception(message);
