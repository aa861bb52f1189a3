namespace ChurnFunctions.Core.Messaging;

/// <summary>The local stand-in for the providers: messages are recorded once per send id, and listed in pages.</summary>
public interface IOutbox
{
    /// <summary>Records the entry unless one with the same send id exists; true when it was new.</summary>
    Task<bool> RecordAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of entries, newest first; nothing is evicted, every entry is reachable by following the cursor.</summary>
    Task<OutboxPage> ListAsync(OutboxQuery query, CancellationToken cancellationToken);

    /// <summary>The entry recorded under <paramref name="sendId"/>, or null. Stores keyed by send id override this with a point read.</summary>
    async Task<OutboxEntry?> GetAsync(string sendId, CancellationToken cancellationToken)
    {
        var query = new OutboxQuery(null, 1000);
        while (true)
        {
            var page = await ListAsync(query, cancellationToken);
            if (page.Entries.FirstOrDefault(e => e.SendId == sendId) is { } found)
            {
                return found;
            }

            if (page.Next is not { } next)
            {
                return null;
            }

            query = query with { After = next };
        }
    }
}
