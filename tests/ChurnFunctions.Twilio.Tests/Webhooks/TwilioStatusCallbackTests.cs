using ChurnFunctions.Twilio.Webhooks;

namespace ChurnFunctions.Twilio.Tests.Webhooks;

public sealed class TwilioStatusCallbackTests
{
    [Fact]
    public void Delivered_callback_parses_with_our_send_id()
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM1", ["MessageStatus"] = "delivered", ["To"] = "+15551234567", ["AccountSid"] = "AC1",
        };

        Assert.True(TwilioStatusCallback.TryParse(form, "inst-42:step-1", out var callback));
        Assert.Equal(new TwilioStatusCallback("SM1", TwilioMessageStatus.Delivered, "delivered", null, "+15551234567", "inst-42:step-1", "AC1"), callback);
        Assert.True(callback.IsFinal);
        Assert.False(callback.IsFailure);
    }

    [Theory]
    [InlineData("undelivered", TwilioMessageStatus.Undelivered)]
    [InlineData("failed", TwilioMessageStatus.Failed)]
    public void Failed_callback_carries_the_error_code(string status, TwilioMessageStatus expected)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = status, ["ErrorCode"] = "30003" };

        Assert.True(TwilioStatusCallback.TryParse(form, "s", out var callback));
        Assert.Equal((expected, "30003", true, true), (callback.Status, callback.ErrorCode, callback.IsFinal, callback.IsFailure));
    }

    [Theory]
    [InlineData("queued", TwilioMessageStatus.Queued, false)]
    [InlineData("sent", TwilioMessageStatus.Sent, false)]
    [InlineData("accepted", TwilioMessageStatus.Accepted, false)]
    [InlineData("read", TwilioMessageStatus.Read, true)]
    [InlineData("partially_delivered", TwilioMessageStatus.PartiallyDelivered, false)]
    [InlineData("DELIVERED", TwilioMessageStatus.Delivered, true)]
    [InlineData("teleported", TwilioMessageStatus.Unknown, false)]
    [InlineData("5", TwilioMessageStatus.Unknown, false)]
    public void Status_names_map_and_unknown_ones_are_kept_raw(string raw, TwilioMessageStatus expected, bool final)
    {
        Assert.True(TwilioStatusCallback.TryParse(new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = raw }, null, out var callback));
        Assert.Equal((expected, raw, final), (callback.Status, callback.RawStatus, callback.IsFinal));
    }

    [Fact]
    public void Legacy_sms_fields_are_read_when_the_message_fields_are_absent()
    {
        var form = new Dictionary<string, string> { ["SmsSid"] = "SM1", ["SmsStatus"] = "sent" };

        Assert.True(TwilioStatusCallback.TryParse(form, " ", out var callback));
        Assert.Equal(("SM1", TwilioMessageStatus.Sent, (string?)null), (callback.MessageSid, callback.Status, callback.SendId));
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("MessageStatus")]
    public void Callback_without_sid_or_status_is_refused(string missing)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "sent" };
        form.Remove(missing);

        Assert.False(TwilioStatusCallback.TryParse(form, "s", out var callback));
        Assert.Null(callback);
    }
}
