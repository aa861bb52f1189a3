using System.Net;
using System.Text;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Twilio.Tests.Support;

namespace ChurnFunctions.Twilio.Tests.Sending;

/// <summary>The request on the wire and the answer mapping, against a scripted handler.</summary>
public sealed class TwilioSmsSenderRequestTests
{
    private static readonly Uri ApiBase = new("https://api.twilio.test");
    private static readonly SmsMessage Message = new("inst-42:step-1", "+15551234567", "We miss you: 20% off this week");

    [Fact]
    public async Task Posts_form_fields_with_basic_auth_to_the_account_messages_url()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Created());
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        await sender.SendAsync(Message, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.test/2010-04-01/Accounts/{Senders.AccountSid}/Messages.json", request.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Senders.AccountSid}:{Senders.AuthToken}"));
        Assert.Equal(expectedAuth, request.Authorization);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["To"] = "+15551234567",
                ["MessagingServiceSid"] = Senders.ServiceSid,
                ["Body"] = "We miss you: 20% off this week",
                ["StatusCallback"] = "https://churn.example.com/api/webhooks/twilio/status?sendId=inst-42%3Astep-1",
            },
            request.Form);
    }

    [Fact]
    public async Task Sends_From_when_no_messaging_service_is_set_and_no_callback_without_public_base_url()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Created());
        var options = Senders.Options(ApiBase);
        options.MessagingServiceSid = null;
        options.FromNumber = "+15005550006";
        options.PublicBaseUrl = null;
        using var sender = new TwilioSmsSender(options, handler: handler);

        await sender.SendAsync(Message, CancellationToken.None);

        var form = Assert.Single(handler.Requests).Form;
        Assert.Equal("+15005550006", form["From"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
        Assert.False(form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task Created_answer_is_Sent_with_the_message_sid()
    {
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: new RecordingHandler(_ => RecordingHandler.Created("SMabc")));

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendResult.Sent("SMabc"), result);
    }

    [Theory]
    [InlineData(21610, SendStatus.OptedOut)]
    [InlineData(21211, SendStatus.InvalidRecipient)]
    [InlineData(21614, SendStatus.InvalidRecipient)]
    [InlineData(21635, SendStatus.InvalidRecipient)]
    [InlineData(21606, SendStatus.Rejected)]
    [InlineData(20003, SendStatus.Rejected)]
    public async Task Client_error_codes_map_to_a_final_status_without_retry(int code, SendStatus expected)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.TwilioError(HttpStatusCode.BadRequest, code), _ => RecordingHandler.Created());
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Twilio_error_message_text_is_kept_out_of_the_result_because_it_quotes_the_number()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.TwilioError(HttpStatusCode.BadRequest, 21211, "The 'To' number +15551234567 is not a valid phone number."));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.DoesNotContain("+1555", result.Detail, StringComparison.Ordinal);
        Assert.Contains("21211", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_code_20429_is_retried_even_on_a_400()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.TwilioError(HttpStatusCode.BadRequest, 20429), _ => RecordingHandler.Created("SMok"));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendResult.Sent("SMok"), result);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
    }

    [Fact]
    public async Task Retry_after_is_honoured_only_up_to_the_max_retry_delay()
    {
        var handler = new RecordingHandler(
            _ =>
            {
                var response = RecordingHandler.TwilioError(HttpStatusCode.TooManyRequests, 20429);
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
                return response;
            },
            _ => RecordingHandler.Created("SMok"));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        // The cap is 5 ms: the retry comes long before this guard even on a loaded machine, the asked-for 10 min never.
        var result = await sender.SendAsync(Message, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(SendStatus.Sent, result.Status);
    }

    [Fact]
    public async Task Server_error_after_max_retries_is_Transient_with_twilio_code()
    {
        var handler = new RecordingHandler(request => request.Method == HttpMethod.Get
            ? RecordingHandler.Json(HttpStatusCode.OK, """{"messages": []}""")
            : RecordingHandler.TwilioError(HttpStatusCode.ServiceUnavailable, 20503));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase, maxRetries: 2), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Equal("20503", result.ErrorCode);
        Assert.Equal(3, handler.Requests.Count(r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task After_an_unknown_outcome_it_never_posts_again_until_a_lookup_shows_no_message()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.TwilioError(HttpStatusCode.BadGateway, 20500),
            _ => RecordingHandler.TwilioError(HttpStatusCode.InternalServerError, 20500),
            _ => RecordingHandler.Json(HttpStatusCode.OK, """{"messages": []}"""),
            _ => RecordingHandler.Created("SMok"));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendResult.Sent("SMok"), result);
        Assert.Equal(["POST", "GET", "GET", "POST"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal("/2010-04-01/Accounts/" + Senders.AccountSid + "/Messages.json?To=%2B15551234567&PageSize=50", handler.Requests[1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task When_lookups_keep_failing_it_ends_Transient_without_a_second_post()
    {
        var handler = new RecordingHandler(
            _ => RecordingHandler.TwilioError(HttpStatusCode.ServiceUnavailable, 20503),
            _ => RecordingHandler.TwilioError(HttpStatusCode.ServiceUnavailable, 20503));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase, maxRetries: 3), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal((SendStatus.Transient, "lookup-http-503"), (result.Status, result.ErrorCode));
        Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Lookup_matches_body_and_messaging_service_created_since_the_send_began()
    {
        var now = DateTimeOffset.UtcNow;
        string Date(TimeSpan ago) => (now - ago).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture);
        var page = $$"""
            {"messages": [
              {"sid": "SMotherbody", "body": "Something else", "messaging_service_sid": "{{Senders.ServiceSid}}", "date_created": "{{Date(TimeSpan.Zero)}}"},
              {"sid": "SMotherservice", "body": "{{Message.Body}}", "messaging_service_sid": "MGother", "date_created": "{{Date(TimeSpan.Zero)}}"},
              {"sid": "SMold", "body": "{{Message.Body}}", "messaging_service_sid": "{{Senders.ServiceSid}}", "date_created": "{{Date(TimeSpan.FromMinutes(10))}}"},
              {"sid": "SMours", "body": "{{Message.Body}}", "messaging_service_sid": "{{Senders.ServiceSid}}", "date_created": "{{Date(TimeSpan.Zero)}}"}
            ]}
            """;
        var handler = new RecordingHandler(
            _ => throw new HttpRequestException("reset", null, HttpStatusCode.InternalServerError),
            _ => RecordingHandler.Json(HttpStatusCode.OK, page));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendResult.Sent("SMours"), result);
        Assert.Single(handler.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Created_answer_without_a_sid_still_counts_as_sent_so_it_is_not_sent_twice()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.Created, "not json"));
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendResult.Sent(null), result);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new RecordingHandler(_ =>
        {
            cancellation.Cancel();
            throw new TaskCanceledException();
        });
        using var sender = new TwilioSmsSender(Senders.Options(ApiBase), handler: handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendAsync(Message, cancellation.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void Unconfigured_options_are_refused()
    {
        var options = Senders.Options(ApiBase);
        options.AuthToken = " ";

        Assert.Throws<ArgumentException>(() => new TwilioSmsSender(options));
    }
}
