namespace ChurnFunctions.Core.Messaging;

/// <summary>A page of outbox entries and the cursor of the next page, null when this page is the last.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxEntry> Entries, OutboxCursor? Next)
{
    /// <summary>
    /// Pages entries newest first (ties by send id). The cursor is the last entry shown, so entries recorded while a
    /// reader pages (newer ones) never shift or repeat what is still to come.
    /// </summary>
    public static OutboxPage Of(IEnumerable<OutboxEntry> entries, OutboxQuery query)
    {
        var page = entries
            .Where(e => query.Kind is null || e.Kind == query.Kind)
            .Where(e => query.After is not { } after || IsAfter(e, after))
            .OrderByDescending(e => e.RecordedAt)
            .ThenBy(e => e.SendId, StringComparer.Ordinal)
            .Take(query.Max + 1)
            .ToList();
        if (page.Count <= query.Max)
        {
            return new OutboxPage(page, null);
        }

        page.RemoveAt(query.Max);
        var last = page[^1];
        return new OutboxPage(page, new OutboxCursor(last.RecordedAt, last.SendId));
    }

    private static bool IsAfter(OutboxEntry entry, OutboxCursor cursor) =>
        entry.RecordedAt < cursor.RecordedAt || (entry.RecordedAt == cursor.RecordedAt && string.CompareOrdinal(entry.SendId, cursor.SendId) > 0);
}
