using ChurnFunctions.Twilio.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ChurnFunctions.Twilio.Tests.Webhooks;

public sealed class TwilioWebhookPathsTests
{
    [Theory]
    [InlineData("https://churn.example.com", "https://churn.example.com/api/webhooks/twilio/status?sendId=a%2Fb%20c")]
    [InlineData("https://churn.example.com/", "https://churn.example.com/api/webhooks/twilio/status?sendId=a%2Fb%20c")]
    [InlineData("https://example.com/churn/", "https://example.com/churn/api/webhooks/twilio/status?sendId=a%2Fb%20c")]
    public void Status_callback_url_escapes_the_send_id_under_the_public_base(string publicBase, string expected)
    {
        Assert.Equal(expected, TwilioWebhookPaths.StatusCallbackUrl(new Uri(publicBase), "a/b c"));
    }

    [Fact]
    public void Full_url_rebuilt_from_the_request_matches_the_callback_url_we_sent()
    {
        var sent = TwilioWebhookPaths.StatusCallbackUrl(new Uri("https://churn.example.com"), "inst-42:step-1");
        var received = new Uri(sent);

        var rebuilt = TwilioWebhookPaths.FullUrl(new Uri("https://churn.example.com"), received.AbsolutePath, received.Query);

        Assert.Equal(sent, rebuilt);
    }

    [Fact]
    public void Form_with_single_values_becomes_fields_and_a_repeated_name_is_refused()
    {
        var single = new FormCollection(new Dictionary<string, StringValues> { ["To"] = "+1", ["Body"] = "hi" });
        var repeated = new FormCollection(new Dictionary<string, StringValues> { ["To"] = new(["+1", "+2"]) });

        Assert.Equal(new Dictionary<string, string> { ["To"] = "+1", ["Body"] = "hi" }, TwilioWebhookForm.ToFields(single));
        Assert.Null(TwilioWebhookForm.ToFields(repeated));
    }
}
