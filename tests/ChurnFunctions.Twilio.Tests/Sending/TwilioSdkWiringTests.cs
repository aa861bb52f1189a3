using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Twilio.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Twilio.Tests.Sending;

/// <summary>
/// The SDK's requests for api.twilio.com reach the configured BaseUrl through the project's "Twilio" HttpClient: the
/// registered sender against the fake server, and the host rewrite on its own.
/// </summary>
public sealed class TwilioSdkWiringTests
{
    [Fact]
    public async Task Registered_sender_sends_and_looks_up_through_the_factory_client_to_the_fake_server()
    {
        await using var server = await FakeTwilioServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = server.AccountSid,
            ["Twilio:AuthToken"] = server.AuthToken,
            ["Twilio:FromNumber"] = "+15005550006",
            ["Twilio:BaseUrl"] = server.BaseUrl.AbsoluteUri,
            ["Twilio:PublicBaseUrl"] = "https://churn.example.com",
            ["Twilio:RetryBaseDelay"] = "00:00:00.001",
            ["Twilio:MaxRetryDelay"] = "00:00:00.005",
        }).Build();
        var seen = new List<string>();
        var services = new ServiceCollection().AddLogging();
        services.AddTwilio(configuration);
        services.AddHttpClient(TwilioSmsSender.HttpClientName).AddHttpMessageHandler(() => new ObservingHandler(seen));
        await using var provider = services.BuildServiceProvider();
        server.FailNext(1, FakeTwilioFault.ServerError);

        var result = await provider.GetRequiredService<ISmsSender>().SendAsync(new SmsMessage("send-1", "+15551234567", "Come back"), CancellationToken.None);

        var accepted = Assert.Single(server.Accepted);
        Assert.Equal(SendResult.Sent(accepted.Sid), result);
        Assert.Equal("send-1", accepted.SendId);
        // Added after AddTwilio's handlers, this one sees the rewritten host. The 500 left the outcome unknown, so the
        // SDK's read came before the second create.
        Assert.Equal(["POST 127.0.0.1", "GET 127.0.0.1", "POST 127.0.0.1"], seen);
        Assert.Equal((2, 1), (server.CreateRequests, server.ListRequests));
    }

    [Theory]
    [InlineData("https://api.twilio.com", false)]
    [InlineData("https://API.twilio.com/", false)]
    [InlineData("http://127.0.0.1:5123", true)]
    [InlineData("https://api.twilio.com:8443", true)]
    public void Rewrite_is_needed_only_when_base_url_is_not_twilios_api(string baseUrl, bool needed)
    {
        Assert.Equal(needed, TwilioHostRewriteHandler.IsNeeded(new Uri(baseUrl)));
    }

    [Fact]
    public async Task Rewrite_moves_twilio_requests_to_the_base_url_keeping_path_and_query_and_leaves_others()
    {
        var seen = new List<string>();
        using var invoker = new HttpMessageInvoker(new TwilioHostRewriteHandler(new Uri("http://127.0.0.1:5123/proxy/"))
        {
            InnerHandler = new ObservingHandler(seen, absolute: true) { InnerHandler = new OkHandler() },
        });

        using var twilio = new HttpRequestMessage(HttpMethod.Get, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1555&PageSize=50");
        using var other = new HttpRequestMessage(HttpMethod.Get, "https://example.com/x?y=1");
        (await invoker.SendAsync(twilio, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(other, CancellationToken.None)).Dispose();

        Assert.Equal(
            ["GET http://127.0.0.1:5123/proxy/2010-04-01/Accounts/AC1/Messages.json?To=%2B1555&PageSize=50", "GET https://example.com/x?y=1"],
            seen);
    }

    private sealed class ObservingHandler(List<string> seen, bool absolute = false) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {(absolute ? request.RequestUri!.AbsoluteUri : request.RequestUri!.Host)}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }
}
