namespace ChurnFunctions.Core.Messaging;

/// <summary>One page of the outbox, newest first: of one <see cref="Kind"/> (null for all), after <see cref="After"/> (null for the first page).</summary>
public sealed record OutboxQuery(string? Kind, int Max, OutboxCursor? After = null);
