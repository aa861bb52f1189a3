namespace ChurnFunctions.Core.Messaging;

/// <summary>The local stand-in for the providers: messages are recorded once per send id, and listed.</summary>
public interface IOutbox
{
    /// <summary>Records the entry unless one with the same send id exists; true when it was new.</summary>
    Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(int max, CancellationToken cancellationToken);
}
