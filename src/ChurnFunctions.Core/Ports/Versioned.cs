namespace ChurnFunctions.Core.Ports;

/// <summary>A stored value and the ETag to send back with a conditional write.</summary>
public sealed record Versioned<T>(T Value, string ETag);
