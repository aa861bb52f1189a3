namespace ChurnFunctions.Core.Messaging;

/// <summary>The local stand-in for the providers: messages are recorded once per send id, and listed in pages.</summary>
public interface IOutbox
{
    /// <summary>Records the entry unless one with the same send id exists; true when it was new.</summary>
    Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of entries, newest first; nothing is evicted, every entry is reachable by following the cursor.</summary>
    Task<OutboxPage> ListAsync(OutboxQuery query, CancellationToken cancellationToken);
}
