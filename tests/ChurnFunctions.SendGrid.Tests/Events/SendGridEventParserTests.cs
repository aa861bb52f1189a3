using System.Text;
using ChurnFunctions.SendGrid.Events;

namespace ChurnFunctions.SendGrid.Tests.Events;

public sealed class SendGridEventParserTests
{
    // A batch shaped like SendGrid's Event Webhook reference: one of each event the pipeline handles.
    private const string Batch = """
        [
          {"email":"ada@customer.example","timestamp":1767225600,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>","event":"processed","category":["winback"],"sg_event_id":"ev-processed","sg_message_id":"14c5d75ce93.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","send_id":"inst-1:step-1"},
          {"email":"ada@customer.example","timestamp":1767225601,"event":"deferred","sg_event_id":"ev-deferred","sg_message_id":"14c5d75ce93.filter0001.16648.5515E0B88.0","response":"400 try again later","attempt":"5","send_id":"inst-1:step-1"},
          {"email":"ada@customer.example","timestamp":1767225602,"event":"delivered","sg_event_id":"ev-delivered","sg_message_id":"14c5d75ce93.filter0001.16648.5515E0B88.0","response":"250 OK","send_id":"inst-1:step-1"},
          {"email":"ada@customer.example","timestamp":1767225603,"event":"open","sg_machine_open":false,"useragent":"Mozilla/4.0","ip":"255.255.255.255","sg_event_id":"ev-open","sg_message_id":"14c5d75ce93.filter0001.16648.5515E0B88.0","send_id":"inst-1:step-1"},
          {"email":"ada@customer.example","timestamp":1767225604,"event":"click","url":"https://shop.example/back?c=COME-BACK-10","url_offset":{"index":0,"type":"html"},"sg_event_id":"ev-click","sg_message_id":"14c5d75ce93.filter0001.16648.5515E0B88.0","send_id":"inst-1:step-1"},
          {"email":"bob@customer.example","timestamp":1767225605,"event":"bounce","type":"bounce","bounce_classification":"Invalid Address","reason":"550 5.1.1 The email account that you tried to reach does not exist.","status":"5.1.1","sg_event_id":"ev-bounce","sg_message_id":"Zm9vYmFy.filter0002.1.0","send_id":"inst-2:step-1"},
          {"email":"cy@customer.example","timestamp":1767225606,"event":"bounce","type":"blocked","bounce_classification":"Reputation","reason":"554 5.7.1 Message blocked","status":"5.7.1","sg_event_id":"ev-blocked","sg_message_id":"YmxvY2tlZA.filter0003.1.0","send_id":"inst-3:step-1"},
          {"email":"dee@customer.example","timestamp":1767225607,"event":"dropped","reason":"Bounced Address","status":"5.0.0","sg_event_id":"ev-dropped","sg_message_id":"ZHJvcHBlZA.filter0004.1.0","send_id":"inst-4:step-1"},
          {"email":"eve@customer.example","timestamp":1767225608,"event":"spamreport","sg_event_id":"ev-spam","sg_message_id":"c3BhbQ.filter0005.1.0","send_id":"inst-5:step-1"},
          {"email":"fay@customer.example","timestamp":1767225609,"event":"unsubscribe","sg_event_id":"ev-unsub","sg_message_id":"dW5zdWI.filter0006.1.0","send_id":"inst-6:step-1"},
          {"email":"gus@customer.example","timestamp":1767225610,"event":"group_unsubscribe","asm_group_id":4242,"sg_event_id":"ev-group-unsub","sg_message_id":"Z3JvdXA.filter0007.1.0","send_id":"inst-7:step-1"},
          {"email":"gus@customer.example","timestamp":1767225611,"event":"group_resubscribe","asm_group_id":4242,"sg_event_id":"ev-group-resub","sg_message_id":"Z3JvdXA.filter0007.1.0"}
        ]
        """;

    [Fact]
    public void Batch_of_every_event_type_parses_in_order()
    {
        var events = Parse(Batch);

        Assert.Equal(
            ["processed", "deferred", "delivered", "open", "click", "bounce", "bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe", "group_resubscribe"],
            events.Select(e => e.Type));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Delivered_event_carries_ids_time_and_send_id()
    {
        var delivered = Parse(Batch).Single(e => e.Type == SendGridEventTypes.Delivered);

        Assert.Equal(
            new SendGridEvent("ev-delivered", "delivered", "ada@customer.example", new DateTimeOffset(2026, 1, 1, 0, 0, 2, TimeSpan.Zero),
                "inst-1:step-1", "14c5d75ce93", Url: null, Reason: null, Suppresses: false),
            delivered);
    }

    [Fact]
    public void Message_id_is_cut_at_the_first_dot_to_match_x_message_id()
    {
        Assert.All(Parse(Batch).Where(e => e.SendId == "inst-1:step-1"), e => Assert.Equal("14c5d75ce93", e.ProviderMessageId));
    }

    [Fact]
    public void Click_carries_the_url_and_deferred_the_response_as_reason()
    {
        var events = Parse(Batch);

        Assert.Equal("https://shop.example/back?c=COME-BACK-10", events.Single(e => e.Type == "click").Url);
        Assert.Equal("400 try again later", events.Single(e => e.Type == "deferred").Reason);
        Assert.Null(events.Single(e => e.Type == "delivered").Reason);
    }

    [Fact]
    public void Bounces_drops_spam_reports_and_unsubscribes_suppress_but_blocks_do_not()
    {
        var suppressing = Parse(Batch).Where(e => e.Suppresses).Select(e => e.EventId);

        Assert.Equal(["ev-bounce", "ev-dropped", "ev-spam", "ev-unsub", "ev-group-unsub"], suppressing);
    }

    [Fact]
    public void Bounce_reason_is_kept()
    {
        var bounce = Parse(Batch).Single(e => e.EventId == "ev-bounce");

        Assert.Equal("550 5.1.1 The email account that you tried to reach does not exist.", bounce.Reason);
        Assert.Equal("Zm9vYmFy", bounce.ProviderMessageId);
    }

    [Fact]
    public void Event_without_send_id_parses_with_null_send_id()
    {
        Assert.Null(Parse(Batch).Single(e => e.EventId == "ev-group-resub").SendId);
    }

    [Fact]
    public void Timestamp_as_string_or_fraction_is_accepted()
    {
        var events = Parse("""[{"event":"open","sg_event_id":"a","timestamp":"1767225600"},{"event":"open","sg_event_id":"b","timestamp":1767225600.75}]""");

        Assert.All(events, e => Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), e.At));
    }

    [Fact]
    public void Empty_array_is_no_events()
    {
        Assert.Empty(Parse("[]"));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[{\"event\":", "not valid JSON")]
    [InlineData("[] []", "not valid JSON")]
    [InlineData("{\"event\":\"open\"}", "must be a JSON array")]
    [InlineData("[42]", "Event 0 is Number")]
    [InlineData("[{\"sg_event_id\":\"a\",\"timestamp\":1}]", "Event 0 has no \"event\"")]
    [InlineData("[{\"event\":\"open\",\"timestamp\":1}]", "Event 0 has no \"sg_event_id\"")]
    [InlineData("[{\"event\":\"open\",\"sg_event_id\":\"a\",\"timestamp\":1},{\"event\":\"open\",\"sg_event_id\":\"b\"}]", "Event 1 has no \"timestamp\"")]
    [InlineData("[{\"event\":\"open\",\"sg_event_id\":\"a\",\"timestamp\":\"yesterday\"}]", "not unix seconds")]
    public void Malformed_body_throws_a_format_exception_naming_the_problem(string body, string expected)
    {
        var error = Assert.Throws<SendGridEventFormatException>(() => Parse(body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<SendGridEvent> Parse(string body) => SendGridEventParser.Parse(Encoding.UTF8.GetBytes(body));
}
