using System.Net;
using ChurnFunctions.Api;
using ChurnFunctions.Testing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// The worker built as Program.cs builds it, with logging turned up to Trace by configuration: the loggers that write
/// whole URLs stay capped at Warning, and HttpClientFactory clients log no requests.
/// </summary>
public sealed class LogPrivacyTests : IDisposable
{
    private const string Email = "jane.doe+vip@example.com";
    private readonly LogCapture logs = new();
    private readonly IHost host;

    public LogPrivacyTests()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FunctionSettings.For("UseDevelopmentStorage=true"))
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:Capture:LogLevel:Default"] = "Trace",
        });
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(logs);
        builder.Services.AddChurnFunctions(builder.Configuration);
        builder.Services.AddHttpClient("probe").ConfigurePrimaryHttpMessageHandler(() => new OkHandler());
        host = builder.Build();
    }

    public void Dispose()
    {
        host.Dispose();
        logs.Dispose();
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.BadRequests")]
    [InlineData("System.Net.Http.HttpClient.SendGrid.LogicalHandler")]
    // The Twilio SDK sends through the factory's "Twilio" client; its lookup URL carries the recipient's number.
    [InlineData("System.Net.Http.HttpClient.Twilio.LogicalHandler")]
    public void Loggers_that_write_urls_are_capped_at_warning_whatever_the_configuration(string category)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Other_categories_follow_the_configuration()
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChurnFunctions.Core.Ingest.IngestMessageHandler");

        Assert.True(logger.IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public async Task Factory_clients_log_no_request_urls()
    {
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("probe");

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:9/api/customers?email={Uri.EscapeDataString(Email)}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
        Assert.Empty(logs.Containing([Email, Uri.EscapeDataString(Email), "jane.doe"]));
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
