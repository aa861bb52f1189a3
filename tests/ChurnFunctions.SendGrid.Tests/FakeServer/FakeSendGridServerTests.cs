using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Events;

namespace ChurnFunctions.SendGrid.Tests.FakeServer;

/// <summary>The fake speaks SendGrid's wire format over real HTTP on 127.0.0.1.</summary>
public sealed class FakeSendGridServerTests : IAsyncLifetime
{
    private const string ValidBody =
        """{"personalizations":[{"to":[{"email":"ada@customer.example"}],"custom_args":{"send_id":"s-1"}}],"from":{"email":"winback@shop.example"},"subject":"Hi","content":[{"type":"text/plain","value":"Hello"}]}""";

    private readonly HttpClient _client = new();
    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Listens_on_loopback()
    {
        Assert.Equal("127.0.0.1", _server.BaseUrl.Host);
        Assert.NotEqual(0, _server.BaseUrl.Port);
    }

    [Fact]
    public async Task Valid_request_is_accepted_with_a_unique_message_id_and_recorded()
    {
        using var first = await PostAsync(ValidBody);
        using var second = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var ids = new[] { first, second }.Select(r => r.Headers.GetValues("X-Message-Id").Single()).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids, _server.Accepted.Select(m => m.MessageId));
        Assert.Equal(2, _server.CountBySendId("s-1"));
        Assert.Equal("Hi", _server.Accepted[0].Subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer SG.wrong")]
    [InlineData("Basic abc")]
    public async Task Missing_or_wrong_key_is_401_with_an_errors_body(string? authorization)
    {
        using var response = await PostAsync(ValidBody, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("authorization grant is invalid", await ErrorMessagesAsync(response));
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_400_bad_request()
    {
        using var response = await PostAsync("{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", await ErrorMessagesAsync(response));
    }

    [Fact]
    public async Task Invalid_shape_is_400_with_one_error_per_field()
    {
        using var response = await PostAsync("""{"personalizations":[{"to":[{"email":"nope"}]}],"from":{"email":"also-nope"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["personalizations.0.to.0.email", "from.email", "subject", "content"],
            errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Template_request_needs_no_subject_or_content_and_records_template_data()
    {
        using var response = await PostAsync(
            """{"personalizations":[{"to":[{"email":"ada@customer.example"}],"dynamic_template_data":{"name":"Ada","n":3},"custom_args":{"send_id":"s-2"}}],"from":{"email":"winback@shop.example"},"template_id":"d-1","categories":["a"],"asm":{"group_id":7}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(_server.Accepted);
        Assert.Equal(("s-2", "d-1", "Ada", "3", 7), (message.SendId, message.TemplateId, message.TemplateData["name"], message.TemplateData["n"], message.UnsubscribeGroupId));
        Assert.Equal(["a"], message.Categories);
    }

    [Fact]
    public async Task Fail_next_applies_faults_in_order_then_recovers()
    {
        _server.FailNext(1, FakeSendGridFault.ServerError);
        _server.FailNext(1, FakeSendGridFault.TooManyRequests(TimeSpan.FromSeconds(2.5)));

        using var first = await PostAsync(ValidBody);
        using var second = await PostAsync(ValidBody);
        using var third = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), second.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal(3, _server.RequestCount);
        Assert.Single(_server.Accepted);
    }

    [Fact]
    public async Task Dropped_connection_records_nothing()
    {
        _server.FailNext(1, FakeSendGridFault.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(ValidBody));
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Accept_then_drop_records_the_message_but_the_client_gets_no_answer()
    {
        _server.FailNext(1, FakeSendGridFault.AcceptThenDrop);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(ValidBody));
        Assert.Equal(1, _server.CountBySendId("s-1"));
    }

    [Fact]
    public async Task Slow_fault_outlasts_a_short_client_timeout()
    {
        _server.FailNext(1, FakeSendGridFault.Slow(TimeSpan.FromSeconds(30)));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => PostAsync(ValidBody, client: impatient));
    }

    [Fact]
    public async Task Fraction_faults_repeat_for_the_same_seed()
    {
        async Task<List<HttpStatusCode>> RunAsync()
        {
            _server.Reset();
            _server.FailFraction(0.5, FakeSendGridFault.ServerError, seed: 7);
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++)
            {
                using var response = await PostAsync(ValidBody);
                codes.Add(response.StatusCode);
            }

            return codes;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.Accepted, first);
        Assert.Equal(first.Count(c => c == HttpStatusCode.Accepted), _server.Accepted.Count);
    }

    [Fact]
    public async Task Reset_forgets_messages_counts_and_faults()
    {
        using (await PostAsync(ValidBody))
        {
        }

        _server.FailNext(5, FakeSendGridFault.ServerError);
        _server.Reset();
        using var response = await PostAsync(ValidBody);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, _server.RequestCount);
        Assert.Single(_server.Accepted);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            PostAsync(ValidBody.Replace("\"s-1\"", $"\"c-{i}\"", StringComparison.Ordinal))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(50, _server.Accepted.Select(m => m.SendId).Distinct().Count());
        Assert.Equal(50, _server.Accepted.Select(m => m.MessageId).Distinct().Count());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void Webhook_signer_headers_carry_the_unix_timestamp_and_a_der_signature()
    {
        using var signer = new SendGridWebhookSigner();
        var events = new FakeSendGridEvents().Add("delivered", "ada@customer.example", "abc123", "s-1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = events.ToUtf8Bytes();

        var headers = signer.Headers(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero), body);

        Assert.Equal("1767225605", headers[SendGridWebhookSigner.TimestampHeader]);
        Assert.True(SendGridEventVerifier.Verify(
            signer.PublicKeyBase64, headers[SendGridWebhookSigner.SignatureHeader], headers[SendGridWebhookSigner.TimestampHeader], body));
        var parsed = Assert.Single(SendGridEventParser.Parse(body));
        Assert.Equal(("delivered", "s-1", "abc123"), (parsed.Type, parsed.SendId, parsed.ProviderMessageId));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? authorization = "default", HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, "v3/mail/send"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization == "default" ? "Bearer " + _server.ApiKey : authorization);
        }

        return await (client ?? _client).SendAsync(request);
    }

    private static async Task<string> ErrorMessagesAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(" | ", document.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }
}
