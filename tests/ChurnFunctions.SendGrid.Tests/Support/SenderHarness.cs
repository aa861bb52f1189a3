using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.SendGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.SendGrid.Tests.Support;

/// <summary>
/// A fake SendGrid on 127.0.0.1 and the real sender wired through <see cref="ServiceCollectionExtensions.AddSendGrid"/>
/// against it, with tiny backoff delays so retries cost milliseconds.
/// </summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    public const string FromEmail = "winback@shop.example";

    private readonly ServiceProvider _services;

    private SenderHarness(FakeSendGridServer server, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Logs = logs;
    }

    public FakeSendGridServer Server { get; }

    public CapturingLoggerProvider Logs { get; }

    public IEmailSender Sender => _services.GetRequiredService<IEmailSender>();

    public static async Task<SenderHarness> StartAsync(
        Action<SendGridOptions>? configure = null, TimeProvider? timeProvider = null, string? apiKey = null)
    {
        var server = await FakeSendGridServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = apiKey ?? server.ApiKey,
            ["SendGrid:FromEmail"] = FromEmail,
            ["SendGrid:FromName"] = "Shop",
            ["SendGrid:BaseUrl"] = server.BaseUrl.AbsoluteUri,
            // Not reached by accident on a loaded machine: a timed-out send is reported as maybe sent, not retried.
            ["SendGrid:Timeout"] = "00:00:30",
            ["SendGrid:MaxRetries"] = "3",
            ["SendGrid:RetryBaseDelay"] = "00:00:00.001",
        }).Build();

        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSendGrid(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new SenderHarness(server, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public static EmailMessage TemplateMessage(string sendId = "inst-42:step-1", string to = "ada@customer.example") => new(
        sendId,
        to,
        Subject: null,
        TextBody: null,
        TemplateId: "d-0123456789abcdef",
        TemplateData: new Dictionary<string, string> { ["first_name"] = "Ada", ["coupon"] = "COME-BACK-10" },
        Categories: ["winback", "step-1"],
        UnsubscribeGroupId: 4242);

    public static EmailMessage TextMessage(string sendId = "alert-7", string to = "ada@customer.example") =>
        new(sendId, to, "We miss you", "Hello Ada,\nhere is 10% off.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
