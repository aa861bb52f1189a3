using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Tests.Messaging;

public sealed class OutboxPageTests
{
    private static readonly DateTimeOffset T0 = new(2024, 4, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Following_the_cursor_reaches_every_entry_once_newest_first_with_nothing_capped()
    {
        var entries = Enumerable.Range(0, 2500).Select(i => Entry($"inst-{i:D4}:step-1", T0.AddSeconds(i / 3))).ToList();

        var seen = new List<OutboxEntry>();
        OutboxCursor? cursor = null;
        do
        {
            var page = OutboxPage.Of(entries, new OutboxQuery(null, 1000, cursor));
            seen.AddRange(page.Entries);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(2500, seen.Select(e => e.SendId).Distinct().Count());
        Assert.Equal(entries.Max(e => e.RecordedAt), seen[0].RecordedAt);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.RecordedAt >= p.Second.RecordedAt));
    }

    [Fact]
    public void Campaign_messages_are_listed_apart_from_alerts_however_many_alerts_came_later()
    {
        var campaigns = Enumerable.Range(0, 3).Select(i => Entry($"inst-{i}:step-1", T0.AddMinutes(i)));
        var alerts = Enumerable.Range(0, 5000).Select(i => Entry($"alert:20240401:top-customer-slipping:{i:x12}:email", T0.AddHours(1).AddSeconds(i)));

        var page = OutboxPage.Of([.. campaigns, .. alerts], new OutboxQuery(OutboxKinds.Campaign, 100));

        Assert.Equal(["inst-2:step-1", "inst-1:step-1", "inst-0:step-1"], page.Entries.Select(e => e.SendId));
        Assert.Null(page.Next);
        Assert.All(OutboxPage.Of(alerts, new OutboxQuery(OutboxKinds.Alert, 10)).Entries, e => Assert.Equal("alert", e.Kind));
    }

    [Fact]
    public void A_cursor_survives_its_text_form_and_garbage_is_refused()
    {
        var cursor = new OutboxCursor(T0, "inst-1:step|2");

        Assert.True(OutboxCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.False(OutboxCursor.TryParse("not a cursor!", out _));
        Assert.False(OutboxCursor.TryParse("", out _));
    }

    private static OutboxEntry Entry(string sendId, DateTimeOffset at) => new(sendId, "email", "x@example.com", "s", "b", at);
}
