namespace ChurnFunctions.Core.Ports;

/// <summary>A received queue message: its text already decoded, and what a delete or update needs.</summary>
public sealed record QueueMessage(string MessageId, string PopReceipt, long DequeueCount, string Text, DateTimeOffset? InsertedOn);
