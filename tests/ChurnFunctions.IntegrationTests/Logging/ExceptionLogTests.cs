using System.Net;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Moq;

namespace ChurnFunctions.IntegrationTests.Logging;

/// <summary>An unhandled exception in a request is logged by route and type, never by its message, which may quote an address.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExceptionLogTests(AzuriteFixture azurite)
{
    private const string Email = "grace.hopper@navy.example";

    [Fact]
    public async Task Request_exception_is_logged_with_route_and_type_but_not_its_message()
    {
        using var logs = new LogCapture();
        var store = new Mock<ICustomerStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException($"Customer {Email} broke it"));
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false, services: services =>
        {
            services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
            services.RemoveAll<ICustomerStore>();
            services.AddSingleton(store.Object);
        });

        using var response = await host.Client.SendAsync(Payloads.Get("/api/customers/c-exception"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(Email, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("HTTP GET /api/customers/{id} failed with System.InvalidOperationException", failure.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("HTTP GET /api/customers/{id} answered 500", StringComparison.Ordinal));
        Assert.Empty(logs.Containing([Email, Uri.EscapeDataString(Email), "grace.hopper"]));
    }
}
