using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Tests.Support;

namespace ChurnFunctions.SendGrid.Tests.Sending;

/// <summary>The sender against the fake SendGrid on 127.0.0.1: wire format, auth and the mapping of answers.</summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private SenderHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SenderHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Template_message_posts_the_documented_mail_send_json()
    {
        // Compared as JSON, not as bytes: the SDK orders the members its own way.
        await _harness.Sender.SendAsync(SenderHarness.TemplateMessage(), CancellationToken.None);

        const string Golden =
            """{"personalizations":[{"to":[{"email":"ada@customer.example"}],"dynamic_template_data":{"first_name":"Ada","coupon":"COME-BACK-10"},"custom_args":{"send_id":"inst-42:step-1"}}],"from":{"email":"winback@shop.example","name":"Shop"},"template_id":"d-0123456789abcdef","categories":["winback","step-1"],"asm":{"group_id":4242}}""";
        JsonAssert.Equivalent(Golden, Assert.Single(_harness.Server.Accepted).Body);
    }

    [Fact]
    public async Task Text_message_posts_subject_and_plain_text_content_without_template_fields()
    {
        await _harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None);

        const string Golden =
            """{"personalizations":[{"to":[{"email":"ada@customer.example"}],"custom_args":{"send_id":"alert-7"}}],"from":{"email":"winback@shop.example","name":"Shop"},"subject":"We miss you","content":[{"type":"text/plain","value":"Hello Ada,\nhere is 10% off."}]}""";
        JsonAssert.Equivalent(Golden, Assert.Single(_harness.Server.Accepted).Body);
    }

    [Fact]
    public async Task Request_carries_the_api_key_as_a_bearer_token()
    {
        await _harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None);

        Assert.Equal("Bearer " + _harness.Server.ApiKey, Assert.Single(_harness.Server.Accepted).Authorization);
    }

    [Fact]
    public async Task Accepted_202_returns_sent_with_the_x_message_id()
    {
        var result = await _harness.Sender.SendAsync(SenderHarness.TemplateMessage(), CancellationToken.None);

        var accepted = Assert.Single(_harness.Server.Accepted);
        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(accepted.MessageId, result.ProviderMessageId);
        Assert.Equal("inst-42:step-1", accepted.SendId);
        Assert.Equal(["ada@customer.example"], accepted.To);
        Assert.Equal("d-0123456789abcdef", accepted.TemplateId);
        Assert.Equal("COME-BACK-10", accepted.TemplateData["coupon"]);
        Assert.Equal(4242, accepted.UnsubscribeGroupId);
    }

    [Fact]
    public async Task Bad_request_is_rejected_once_with_sendgrids_error_detail()
    {
        var tooManyCategories = SenderHarness.TextMessage() with { Categories = [.. Enumerable.Range(0, 11).Select(i => $"c{i}")] };

        var result = await _harness.Sender.SendAsync(tooManyCategories, CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Equal("400", result.ErrorCode);
        Assert.StartsWith("HTTP 400: categories: You may not have more than 10 categories per request.", result.Detail);
        Assert.Contains("(http://sendgrid.com/docs/", result.Detail);
        Assert.Equal(1, _harness.Server.RequestCount);
        Assert.Empty(_harness.Server.Accepted);
    }

    [Fact]
    public async Task Invalid_recipient_address_returns_invalid_recipient_without_quoting_it()
    {
        var result = await _harness.Sender.SendAsync(SenderHarness.TextMessage(to: "ada.at.customer.example"), CancellationToken.None);

        Assert.Equal(SendStatus.InvalidRecipient, result.Status);
        Assert.Equal("HTTP 400: personalizations.0.to.0.email: Does not contain a valid address. (http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to)", result.Detail);
        Assert.Equal(1, _harness.Server.RequestCount);
    }

    [Fact]
    public async Task Wrong_api_key_is_rejected_without_retry()
    {
        await using var harness = await SenderHarness.StartAsync(apiKey: "SG.revoked");

        var result = await harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Equal("401", result.ErrorCode);
        Assert.Contains("authorization grant is invalid", result.Detail);
        Assert.Equal(1, harness.Server.RequestCount);
    }

    [Fact]
    public async Task Logs_never_contain_the_api_key_the_recipient_or_the_body()
    {
        _harness.Server.FailNext(1, FakeSendGridFault.ServerError);
        await _harness.Sender.SendAsync(SenderHarness.TextMessage(), CancellationToken.None);
        await _harness.Sender.SendAsync(SenderHarness.TextMessage("alert-8", to: "bad.address.example"), CancellationToken.None);

        var logs = string.Join('\n', _harness.Logs.Lines);
        Assert.Contains("alert-7", logs);
        Assert.Contains("alert-8", logs);
        Assert.DoesNotContain(_harness.Server.ApiKey, logs);
        Assert.DoesNotContain("ada@customer.example", logs);
        Assert.DoesNotContain("bad.address.example", logs);
        Assert.DoesNotContain("We miss you", logs);
        Assert.DoesNotContain("10% off", logs);
    }

    [Fact]
    public async Task Message_without_template_or_subject_and_body_is_refused_before_sending()
    {
        var incomplete = new EmailMessage("s-1", "ada@customer.example", Subject: "Hi", TextBody: null);

        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Sender.SendAsync(incomplete, CancellationToken.None));
        Assert.Equal(0, _harness.Server.RequestCount);
    }

    [Fact]
    public async Task Caller_cancellation_propagates_instead_of_becoming_a_result()
    {
        _harness.Server.FailNext(1, FakeSendGridFault.Slow(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _harness.Sender.SendAsync(SenderHarness.TextMessage(), cancellation.Token));
    }
}
