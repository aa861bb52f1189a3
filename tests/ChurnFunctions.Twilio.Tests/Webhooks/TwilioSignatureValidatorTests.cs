using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Twilio.Webhooks;

namespace ChurnFunctions.Twilio.Tests.Webhooks;

/// <summary>
/// Vectors computed independently of this code. Twilio's published example (token 12345) and two of ours, made with:
/// <code>
/// python3 -c "import hmac,hashlib,base64; s=url+''.join(k+p[k] for k in sorted(p));
///   print(base64.b64encode(hmac.new(token.encode(), s.encode('utf-8'), hashlib.sha1).digest()).decode())"
/// </code>
/// </summary>
public sealed class TwilioSignatureValidatorTests
{
    private const string Token = "test-auth-token-0123456789abcdef";
    private const string StatusUrl = "https://churn.example.com/api/webhooks/twilio/status?sendId=inst-42%3Astep-1";
    private const string StatusSignature = "KLGM6pEx5vRXTaggV4s4YyMQm0A=";
    private const string InboundUrl = "https://churn.example.com/api/webhooks/twilio/inbound";
    private const string InboundSignature = "Ak/HtX0WNDYiCy+FEsbS8+vfvhk=";

    private static Dictionary<string, string> StatusForm() => new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["ApiVersion"] = "2010-04-01",
        ["ErrorCode"] = "30003",
        ["From"] = "+15005550006",
        ["MessageSid"] = "SM00000000000000000000000000000001",
        ["MessageStatus"] = "undelivered",
        ["SmsSid"] = "SM00000000000000000000000000000001",
        ["SmsStatus"] = "undelivered",
        ["To"] = "+15551234567",
    };

    private static Dictionary<string, string> InboundForm() => new()
    {
        ["To"] = "+15005550006",
        ["Body"] = "Stop ✋ café",
        ["NumMedia"] = "0",
        ["MessageSid"] = "SM00000000000000000000000000000002",
        ["From"] = "+15551234567",
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
    };

    [Fact]
    public void Twilio_documented_example_is_valid()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE",
            ["Caller"] = "+12349013030",
            ["Digits"] = "1234",
            ["From"] = "+12349013030",
            ["To"] = "+18005551212",
        };

        Assert.True(TwilioSignatureValidator.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Fact]
    public void Status_callback_with_our_send_id_in_the_query_is_valid()
    {
        Assert.True(TwilioSignatureValidator.IsValid(Token, StatusUrl, StatusForm(), StatusSignature));
    }

    [Fact]
    public void Inbound_form_with_non_ascii_body_in_any_field_order_is_valid()
    {
        Assert.True(TwilioSignatureValidator.IsValid(Token, InboundUrl, InboundForm(), InboundSignature));
    }

    [Fact]
    public void Tampered_field_is_invalid()
    {
        var form = StatusForm();
        form["MessageStatus"] = "delivered";

        Assert.False(TwilioSignatureValidator.IsValid(Token, StatusUrl, form, StatusSignature));
    }

    [Fact]
    public void Added_or_removed_field_is_invalid()
    {
        var added = StatusForm();
        added["Extra"] = string.Empty;
        var removed = StatusForm();
        removed.Remove("ErrorCode");

        Assert.False(TwilioSignatureValidator.IsValid(Token, StatusUrl, added, StatusSignature));
        Assert.False(TwilioSignatureValidator.IsValid(Token, StatusUrl, removed, StatusSignature));
    }

    [Theory]
    [InlineData("https://churn.example.com/api/webhooks/twilio/status?sendId=inst-43%3Astep-1")]
    [InlineData("https://churn.example.com/api/webhooks/twilio/status")]
    [InlineData("http://churn.example.com/api/webhooks/twilio/status?sendId=inst-42%3Astep-1")]
    [InlineData("https://churn.example.com/api/webhooks/twilio/status?sendId=inst-42:step-1")]
    public void Wrong_url_is_invalid(string url)
    {
        Assert.False(TwilioSignatureValidator.IsValid(Token, url, StatusForm(), StatusSignature));
    }

    [Fact]
    public void Wrong_token_is_invalid()
    {
        Assert.False(TwilioSignatureValidator.IsValid("test-auth-token-0123456789abcdeF", StatusUrl, StatusForm(), StatusSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("klgm6pex5vrxtaggv4s4yymqm0a=")]
    [InlineData("KLGM6pEx5vRXTaggV4s4YyMQm0A")]
    [InlineData(" KLGM6pEx5vRXTaggV4s4YyMQm0A= ")]
    public void Missing_or_altered_signature_is_invalid(string? signature)
    {
        Assert.False(TwilioSignatureValidator.IsValid(Token, StatusUrl, StatusForm(), signature));
    }

    [Fact]
    public void Signature_for_the_url_with_its_default_port_is_valid_as_the_sdk_accepts_either_form()
    {
        // Twilio may sign https://host:443/... for https://host/...; the SDK tries both, and so the URL we rebuild
        // from PublicBaseUrl need not guess which one Twilio used.
        var withPort = StatusUrl.Replace("churn.example.com", "churn.example.com:443", StringComparison.Ordinal);
        var signature = FakeTwilioSignature.Sign(Token, withPort, StatusForm());

        Assert.True(TwilioSignatureValidator.IsValid(Token, StatusUrl, StatusForm(), signature));
    }

    [Fact]
    public void Sdk_alone_accepts_a_repeated_field_signed_as_one_comma_joined_value_which_the_form_reader_refuses()
    {
        // What the project's check adds over RequestValidator: Twilio signed Body "STOP,please" (one field); replayed
        // as Body=STOP&Body=please the SDK's NameValueCollection overload still validates it, and a reader taking the
        // first value would see a STOP nobody sent. TwilioWebhookForm.ToFields refuses the repeated name (answer 400)
        // before any signature is checked.
        var signed = new Dictionary<string, string> { ["From"] = "+15551234567", ["MessageSid"] = "SM1", ["Body"] = "STOP,please" };
        var signature = FakeTwilioSignature.Sign(Token, InboundUrl, signed);
        var replayed = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["From"] = "+15551234567",
            ["MessageSid"] = "SM1",
            ["Body"] = new(["STOP", "please"]),
        };
        var asNameValues = new System.Collections.Specialized.NameValueCollection();
        foreach (var (name, values) in replayed)
        {
            foreach (var value in values)
            {
                asNameValues.Add(name, value);
            }
        }

        Assert.True(new global::Twilio.Security.RequestValidator(Token).Validate(InboundUrl, asNameValues, signature));
        Assert.Null(TwilioWebhookForm.ToFields(new Microsoft.AspNetCore.Http.FormCollection(replayed)));
    }

    [Fact]
    public void Fake_signer_and_validator_agree()
    {
        var form = InboundForm();
        var signature = FakeTwilioSignature.Sign(Token, InboundUrl, form);

        Assert.Equal(InboundSignature, signature);
        Assert.True(TwilioSignatureValidator.IsValid(Token, InboundUrl, form, signature));
    }
}
