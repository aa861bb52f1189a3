using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.SendGrid.Tests.Sending;

/// <summary>The SDK client sends over the project's named HttpClient, so handlers added to it (telemetry, proxies) apply.</summary>
public sealed class SendGridEmailSenderHttpClientTests
{
    [Fact]
    public async Task Mail_goes_through_the_sendgrid_http_client_of_the_factory_to_the_configured_host()
    {
        await using var server = await FakeSendGridServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = server.ApiKey,
            ["SendGrid:FromEmail"] = SenderHarness.FromEmail,
            ["SendGrid:BaseUrl"] = server.BaseUrl.AbsoluteUri,
        }).Build();
        var seen = new List<Uri>();
        var services = new ServiceCollection().AddLogging();
        services.AddSendGrid(configuration);
        services.AddHttpClient(SendGridEmailSender.HttpClientName).AddHttpMessageHandler(() => new ObservingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IEmailSender>().SendAsync(SenderHarness.TextMessage(), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var uri = Assert.Single(seen);
        Assert.Equal(new Uri(server.BaseUrl, FakeSendGridServer.MailSendPath), uri);
        Assert.Equal(1, server.CountBySendId("alert-7"));
    }

    private sealed class ObservingHandler(List<Uri> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.RequestUri!);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
