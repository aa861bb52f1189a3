using ChurnFunctions.Twilio.Webhooks;

namespace ChurnFunctions.Twilio.Tests.Webhooks;

public sealed class TwilioInboundMessageTests
{
    [Fact]
    public void Inbound_form_parses_and_classifies_the_body()
    {
        var form = new Dictionary<string, string>
        {
            ["From"] = "+15551234567", ["To"] = "+15005550006", ["Body"] = " stop ", ["MessageSid"] = "SM2", ["NumMedia"] = "0",
        };

        Assert.True(TwilioInboundMessage.TryParse(form, out var message));
        Assert.Equal(new TwilioInboundMessage("+15551234567", "+15005550006", " stop ", "SM2"), message);
        Assert.Equal(TwilioKeyword.OptOut, message.Keyword);
    }

    [Theory]
    [InlineData("STOP", "arrêt", TwilioKeyword.OptOut)]
    [InlineData("START", "reprendre", TwilioKeyword.OptIn)]
    [InlineData("HELP", "stop", TwilioKeyword.None)]
    [InlineData(null, "START", TwilioKeyword.OptIn)]
    public void Advanced_opt_out_type_wins_over_the_body(string? optOutType, string body, TwilioKeyword expected)
    {
        Assert.Equal(expected, new TwilioInboundMessage("+1", "+2", body, "SM2", optOutType).Keyword);
    }

    [Fact]
    public void Media_only_message_has_an_empty_body()
    {
        var form = new Dictionary<string, string> { ["From"] = "+15551234567", ["To"] = "+15005550006", ["MessageSid"] = "MM3", ["NumMedia"] = "1" };

        Assert.True(TwilioInboundMessage.TryParse(form, out var message));
        Assert.Equal((string.Empty, TwilioKeyword.None), (message.Body, message.Keyword));
    }

    [Theory]
    [InlineData("From")]
    [InlineData("MessageSid")]
    public void Inbound_form_without_sender_or_sid_is_refused(string missing)
    {
        var form = new Dictionary<string, string> { ["From"] = "+15551234567", ["To"] = "+1", ["Body"] = "hi", ["MessageSid"] = "SM2" };
        form.Remove(missing);

        Assert.False(TwilioInboundMessage.TryParse(form, out _));
    }
}
