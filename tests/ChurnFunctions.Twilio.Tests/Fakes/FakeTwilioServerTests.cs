using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Fakes.Twilio;

namespace ChurnFunctions.Twilio.Tests.Fakes;

/// <summary>The fake speaks Twilio's wire format, checked with a plain HttpClient.</summary>
public sealed class FakeTwilioServerTests : IAsyncLifetime
{
    private readonly HttpClient _client = new();
    private FakeTwilioServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Listens_on_loopback_with_a_real_port()
    {
        Assert.Equal(("http", "127.0.0.1"), (_server.BaseUrl.Scheme, _server.BaseUrl.Host));
        Assert.NotEqual(0, _server.BaseUrl.Port);
    }

    [Fact]
    public async Task Create_answers_201_with_twilio_message_json_and_records_the_send_id()
    {
        using var response = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"),
            ("StatusCallback", "https://churn.example.com/api/webhooks/twilio/status?sendId=inst%3A1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Matches("^SM[0-9a-f]{32}$", root.GetProperty("sid").GetString());
        Assert.Equal(("queued", "+15551234567", "+15005550006", "Hi", "outbound-api", _server.AccountSid),
            (root.GetProperty("status").GetString(), root.GetProperty("to").GetString(), root.GetProperty("from").GetString(),
             root.GetProperty("body").GetString(), root.GetProperty("direction").GetString(), root.GetProperty("account_sid").GetString()));
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$", root.GetProperty("date_created").GetString());
        Assert.Equal(1, _server.CountBySendId("inst:1"));
    }

    [Fact]
    public async Task Messaging_service_message_starts_accepted()
    {
        using var response = await PostAsync(("To", "+15551234567"), ("MessagingServiceSid", "MG1"), ("Body", "Hi"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("accepted", json.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(null, "Hi", "+15005550006", 21604)]
    [InlineData("+15551234567", null, "+15005550006", 21602)]
    [InlineData("+15551234567", "Hi", null, 21603)]
    [InlineData("12345", "Hi", "+15005550006", 21211)]
    public async Task Missing_or_invalid_fields_answer_400_with_twilio_error_json(string? to, string? body, string? from, int code)
    {
        var fields = new List<(string, string)>();
        if (to is not null) fields.Add(("To", to));
        if (body is not null) fields.Add(("Body", body));
        if (from is not null) fields.Add(("From", from));

        using var response = await PostAsync([.. fields]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertErrorAsync(response, code, 400);
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Opted_out_and_listed_invalid_numbers_are_refused()
    {
        _server.AddOptedOut("+15550000001");
        _server.AddInvalid("+15550000002");

        using var optedOut = await PostAsync(("To", "+15550000001"), ("From", "+15005550006"), ("Body", "Hi"));
        using var invalid = await PostAsync(("To", "+15550000002"), ("From", "+15005550006"), ("Body", "Hi"));

        await AssertErrorAsync(optedOut, 21610, 400);
        await AssertErrorAsync(invalid, 21211, 400);
    }

    [Fact]
    public async Task Wrong_basic_auth_answers_401_code_20003()
    {
        using var request = CreateRequest(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_server.AccountSid}:wrong")));

        using var response = await _client.SendAsync(request);

        await AssertErrorAsync(response, 20003, 401);
    }

    [Fact]
    public async Task Queued_faults_apply_in_order_then_requests_succeed()
    {
        _server.FailNext(1, FakeTwilioFault.TooManyRequests);
        _server.FailNext(1, FakeTwilioFault.ServerError);

        using var first = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));
        using var second = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));
        using var third = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));

        await AssertErrorAsync(first, 20429, 429);
        await AssertErrorAsync(second, 20500, 500);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(3, _server.CreateRequests);
    }

    [Fact]
    public async Task Drop_aborts_without_recording_and_accept_then_drop_records_then_aborts()
    {
        _server.FailNext(1, FakeTwilioFault.Drop);
        _server.FailNext(1, FakeTwilioFault.AcceptThenDrop);

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "one")));
        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "two")));

        Assert.Equal("two", Assert.Single(_server.Accepted).Body);
    }

    [Fact]
    public async Task Hang_holds_the_request_until_the_client_gives_up()
    {
        _server.FailNext(1, FakeTwilioFault.Hang);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostAsync(timeout.Token, ("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi")));
        Assert.Empty(_server.Accepted);
    }

    [Fact]
    public async Task Seeded_fault_fraction_repeats_for_the_same_seed()
    {
        async Task<string> PatternAsync()
        {
            _server.Reset();
            _server.FailFraction(0.5, FakeTwilioFault.ServerError, seed: 42);
            var pattern = new StringBuilder();
            for (var i = 0; i < 20; i++)
            {
                using var response = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));
                pattern.Append(response.IsSuccessStatusCode ? '.' : 'x');
            }

            return pattern.ToString();
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        Assert.Equal(first, second);
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task List_filters_by_recipient_newest_first()
    {
        using (await PostAsync(("To", "+15550000001"), ("From", "+15005550006"), ("Body", "a"))) { }
        using (await PostAsync(("To", "+15550000002"), ("From", "+15005550006"), ("Body", "b"))) { }
        using (await PostAsync(("To", "+15550000001"), ("From", "+15005550006"), ("Body", "c"))) { }
        using var request = new HttpRequestMessage(HttpMethod.Get, MessagesUrl() + "?To=%2B15550000001&PageSize=20");
        request.Headers.Authorization = Auth();

        using var response = await _client.SendAsync(request);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var bodies = json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString());
        Assert.Equal(["c", "a"], bodies);
        Assert.Equal(1, _server.ListRequests);
    }

    [Fact]
    public async Task Reset_forgets_messages_faults_and_numbers()
    {
        _server.AddOptedOut("+15551234567");
        _server.FailNext(3, FakeTwilioFault.ServerError);
        using (await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"))) { }

        _server.Reset();
        using var response = await PostAsync(("To", "+15551234567"), ("From", "+15005550006"), ("Body", "Hi"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(_server.Accepted);
        Assert.Equal(1, _server.CreateRequests);
    }

    [Fact]
    public void Signed_status_callback_form_validates_with_the_adapter()
    {
        var message = new FakeTwilioMessage("SM1", "s-1", "+15551234567", "+15005550006", null, "Hi", null, DateTimeOffset.UnixEpoch);
        var form = FakeTwilioSignature.StatusCallbackForm(message, _server.AccountSid, "failed", "30003");
        const string url = "https://churn.example.com/api/webhooks/twilio/status?sendId=s-1";

        var signature = FakeTwilioSignature.Sign(_server.AuthToken, url, form);

        Assert.True(ChurnFunctions.Twilio.Webhooks.TwilioSignatureValidator.IsValid(_server.AuthToken, url, form, signature));
        Assert.Equal(("failed", "30003"), (form["MessageStatus"], form["ErrorCode"]));
    }

    private string MessagesUrl() => $"{_server.BaseUrl.AbsoluteUri.TrimEnd('/')}/2010-04-01/Accounts/{_server.AccountSid}/Messages.json";

    private AuthenticationHeaderValue Auth() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_server.AccountSid}:{_server.AuthToken}")));

    private HttpRequestMessage CreateRequest(params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl())
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = Auth();
        return request;
    }

    private Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] fields) => PostAsync(CancellationToken.None, fields);

    private async Task<HttpResponseMessage> PostAsync(CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        using var request = CreateRequest(fields);
        return await _client.SendAsync(request, cancellationToken);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int code, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal((code, status, $"https://www.twilio.com/docs/errors/{code}"),
            (root.GetProperty("code").GetInt32(), root.GetProperty("status").GetInt32(), root.GetProperty("more_info").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("message").GetString()));
    }
}
