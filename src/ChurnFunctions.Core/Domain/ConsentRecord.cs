namespace ChurnFunctions.Core.Domain;

/// <summary>Marketing consent for one channel: what was said, by whom (<see cref="Source"/>, e.g. "shopify"), and when.</summary>
public sealed record ConsentRecord(MessageChannel Channel, bool Granted, string Source, DateTimeOffset At);
