using System.Text.Json.Nodes;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// A bad request, and a request whose handler throws, get from a Functions HTTP function the same answer (status,
/// content type, problem+json body but its traceId) as from the self-host answering the same request.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProblemParityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string FailingCustomerId = "c-store-fault";
    private FunctionApp app = null!;
    private ComparisonSelfHost selfHost = null!;

    public async Task InitializeAsync()
    {
        // Both hosts read customers through a store that fails for one id, as a storage bug would.
        app = FunctionApp.Create(azurite.ConnectionString, FailOneCustomer);
        selfHost = await ComparisonSelfHost.StartAsync(azurite.ConnectionString, FailOneCustomer);
    }

    public async Task DisposeAsync()
    {
        await selfHost.DisposeAsync();
        await app.DisposeAsync();
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "ShopifyWebhook", "bad signature" },
        { "ShopifyWebhook", "invalid fields" },
        { "ShopifyWebhook", "not json" },
        { "PosTransactions", "no api key" },
        { "PosTransactions", "invalid fields" },
        { "GetCustomer", "unknown id" },
        { "FindCustomers", "no contact" },
        { "GetMetrics", "bad dates" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_the_same_problem_as_from_the_self_host(string function, string badness)
    {
        var request = BadRequest(function, badness);

        var functions = await app.InvokeHttpAsync(function, request);
        var self = await selfHost.SendAsync(request);

        Assert.InRange(self.Status, 400, 499);
        Assert.Equal("application/problem+json", self.MediaType);
        Assert.Equal(self.Status, functions.Status);
        Assert.Equal(self.MediaType, functions.MediaType);
        Assert.True(JsonNode.DeepEquals(self.ProblemWithoutTraceId, functions.ProblemWithoutTraceId), $"self-host: {self.Body}\nfunctions: {functions.Body}");
    }

    [Fact]
    public async Task Handler_exception_gets_the_same_500_problem_as_from_the_self_host()
    {
        var request = FunctionRequest.Read(Triggers.CustomerRoute, routeValues: new Dictionary<string, string> { ["id"] = FailingCustomerId });

        var functions = await app.InvokeHttpAsync("GetCustomer", request);
        var self = await selfHost.SendAsync(request);

        Assert.Equal(500, self.Status);
        Assert.Equal("application/problem+json", self.MediaType);
        Assert.Equal(self.Status, functions.Status);
        Assert.Equal(self.MediaType, functions.MediaType);
        Assert.True(JsonNode.DeepEquals(self.ProblemWithoutTraceId, functions.ProblemWithoutTraceId), $"self-host: {self.Body}\nfunctions: {functions.Body}");
        Assert.DoesNotContain("Simulated", functions.Body, StringComparison.Ordinal);
    }

    private static FunctionRequest BadRequest(string function, string badness)
    {
        var orderJson = HttpFunctionTests.ShopifyOrder(1001, 2002, "parity@example.com", 5m);
        return (function, badness) switch
        {
            ("ShopifyWebhook", "bad signature") => Shopify(orderJson, "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ=="),
            ("ShopifyWebhook", "invalid fields") => Shopify("""{"id":"x","total_price":"lots","line_items":[]}""", null),
            ("ShopifyWebhook", "not json") => Shopify("{ not json", null),
            ("PosTransactions", "no api key") => FunctionRequest.Json("POST", Triggers.PosTransactionsRoute, """{"id":"p1"}"""),
            ("PosTransactions", "invalid fields") => FunctionRequest.Json("POST", Triggers.PosTransactionsRoute, """{"id":"","total":"x"}""",
                new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey }),
            ("GetCustomer", "unknown id") => FunctionRequest.Read(Triggers.CustomerRoute, routeValues: new Dictionary<string, string> { ["id"] = "c-nobody" }),
            ("FindCustomers", "no contact") => FunctionRequest.Read(Triggers.CustomersRoute),
            ("GetMetrics", "bad dates") => FunctionRequest.Read(Triggers.MetricsRoute, "from=yesterday&to=2024-13-45"),
            _ => throw new ArgumentOutOfRangeException(nameof(badness)),
        };
    }

    private static FunctionRequest Shopify(string body, string? signature) =>
        FunctionRequest.Json("POST", Triggers.ShopifyWebhookRoute, body, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "orders/create",
            ["X-Shopify-Event-Id"] = "evt-parity",
            ["X-Shopify-Hmac-Sha256"] = signature ?? FunctionSettings.ShopifySignature(body),
        });

    private static void FailOneCustomer(IServiceCollection services)
    {
        var store = new Mock<ICustomerStore>();
        store.Setup(s => s.GetAsync(FailingCustomerId, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("Simulated storage fault"));
        store.Setup(s => s.GetAsync(It.Is<string>(id => id != FailingCustomerId), It.IsAny<CancellationToken>())).ReturnsAsync(default(Versioned<CustomerRecord>?));
        services.RemoveAll<ICustomerStore>();
        services.AddSingleton(store.Object);
    }
}
