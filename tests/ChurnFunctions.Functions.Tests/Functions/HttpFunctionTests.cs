using System.Text.Json;
using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>Every HTTP function of the app, run on a real request against Azurite without a Functions host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpFunctionTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private FunctionApp app = null!;

    public Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public static TheoryData<string> HttpFunctions() => new(Triggers.Http.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Every_http_function_answers_a_bare_request_with_a_problem_not_a_server_error(string name)
    {
        var trigger = Triggers.Http.Single(t => t.Name == name);
        var request = new FunctionRequest(trigger.Method, trigger.Route) { RouteValues = RouteValues(trigger.Route) };

        var response = await app.InvokeHttpAsync(name, request);
        output.WriteLine($"{trigger.Method} {request.Path}: {response}");

        // Health is open; everything else wants a key, a signature or a body, and says so as problem+json.
        Assert.True(response.Status == 200 || (response.Status is >= 400 and < 500 && response.MediaType == "application/problem+json"), $"{name}: {response}");
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Every_http_function_answers_a_keyed_request_from_its_handler(string name)
    {
        var trigger = Triggers.Http.Single(t => t.Name == name);
        var request = new FunctionRequest(trigger.Method, trigger.Route)
        {
            RouteValues = RouteValues(trigger.Route),
            Headers = new Dictionary<string, string> { ["x-api-key"] = FunctionSettings.ApiKey },
            Body = trigger.Method == "POST" ? "{}" : null,
            ContentType = trigger.Method == "POST" ? "application/json" : null,
        };

        var response = await app.InvokeHttpAsync(name, request);
        output.WriteLine($"{trigger.Method} {request.Path}: {response}");

        Assert.True(response.Status is >= 200 and < 500, $"{name}: {response}");
        Assert.True(response.Body.Length > 0, $"{name}: {response}");
        if (trigger.Method == "GET")
        {
            // Past the key check: the handler read Azurite and found the thing, found nothing, or needs a parameter.
            Assert.NotEqual(401, response.Status);
        }
    }

    [Fact]
    public async Task Health_answers_ok_with_a_json_body()
    {
        var response = await app.InvokeHttpAsync("Health", new FunctionRequest("GET", Triggers.HealthRoute));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.NotNull(response.Json);
    }

    [Fact]
    public async Task Signed_shopify_webhook_is_accepted_then_stored_by_the_ingest_queue_function()
    {
        var orderId = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var email = $"fn-{orderId}@example.com";
        var body = ShopifyOrder(orderId, orderId + 1, email, 42.50m);
        var request = FunctionRequest.Json("POST", Triggers.ShopifyWebhookRoute, body, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "orders/create",
            ["X-Shopify-Event-Id"] = "evt-" + orderId,
            ["X-Shopify-Webhook-Id"] = "wh-" + orderId,
            ["X-Shopify-Hmac-Sha256"] = FunctionSettings.ShopifySignature(body),
        });

        var accepted = await app.InvokeHttpAsync("ShopifyWebhook", request);

        Assert.Equal(202, accepted.Status);
        Assert.Equal("accepted", accepted.Json!["status"]!.GetValue<string>());

        var message = await QueueTriggerDriver.DeliverIngestAsync(app, email);
        Assert.Equal(1, message.DequeueCount);

        var found = await app.InvokeHttpAsync("FindCustomers", FunctionRequest.Read(Triggers.CustomersRoute, "email=" + Uri.EscapeDataString(email)));
        Assert.Equal(200, found.Status);
        var id = found.Json!["id"]!.GetValue<string>();
        var customer = await app.InvokeHttpAsync("GetCustomer", FunctionRequest.Read(Triggers.CustomerRoute, routeValues: new Dictionary<string, string> { ["id"] = id }));
        Assert.Equal(200, customer.Status);
        Assert.Equal(email, customer.Json!["email"]!.GetValue<string>());
        Assert.Equal(1, customer.Json!["orderCount"]!.GetValue<int>());
        Assert.Equal(42.50m, customer.Json!["grossSpend"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Customer_messages_feedback_and_alerts_functions_answer_from_the_send_ledger_and_the_stores()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (customerId, campaignId) = ($"fn-{run}", $"fn-{run}");
        await app.Services.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(new CampaignDefinition
        {
            Id = campaignId,
            Name = "Functions birthday",
            Trigger = new SegmentEnteredTrigger("at-risk"),
            Steps = [new SendEmailStep { Id = "offer", TemplateId = "d-fn" }],
        }, default);
        // As the Durable send activity leaves the ledger once SendGrid took the email: a recurring run (run key) of this
        // customer's, and another customer's send of the same campaign.
        var ledger = app.Services.GetRequiredService<ISendLedger>();
        var mine = CampaignInstanceId.ForStep(CampaignInstanceId.For(customerId, campaignId, "y2025"), "offer");
        var theirs = CampaignInstanceId.ForStep(CampaignInstanceId.For("other-" + run, campaignId), "offer");
        foreach (var sendId in new[] { mine, theirs })
        {
            Assert.NotNull(await ledger.TryInsertAsync(
                new SendLedgerEntry(sendId, MessageChannel.Email, SendLedgerStatus.Sent, 0, DateTimeOffset.UtcNow, SendResult.Sent("sg-" + sendId)), default));
        }

        // An SMS Twilio took, and its status callback.
        var sms = CampaignInstanceId.ForStep(CampaignInstanceId.For(customerId, campaignId), "text");
        Assert.NotNull(await ledger.TryInsertAsync(
            new SendLedgerEntry(sms, MessageChannel.Sms, SendLedgerStatus.Sent, 0, DateTimeOffset.UtcNow, SendResult.Sent("SM" + run)), default));
        await app.Services.GetRequiredService<ISmsDeliveryLog>().RecordAsync(new SmsDeliveryRecord(sms, "SM" + run, "delivered", null, true, DateTimeOffset.UtcNow), default);

        await app.Services.GetRequiredService<IFeedbackStore>().SaveAsync(new FeedbackEntry(customerId, ChurnReason.Price, "Too dear.", DateTimeOffset.UtcNow), default);
        await app.Services.GetRequiredService<IAlertStore>().TryAddAsync(new Alert(
            new DateOnly(2019, 6, 1), $"top-customer-slipping:{customerId}", "warning", "Slipping", "", DateTimeOffset.UtcNow, customerId), default);
        var route = new Dictionary<string, string> { ["id"] = customerId };

        var messages = await app.InvokeHttpAsync("GetCustomerMessages", FunctionRequest.Read(Triggers.CustomerMessagesRoute, routeValues: route));
        var feedback = await app.InvokeHttpAsync("GetCustomerFeedback", FunctionRequest.Read(Triggers.CustomerFeedbackRoute, routeValues: route));
        var alerts = await app.InvokeHttpAsync("GetCustomerAlerts", FunctionRequest.Read(Triggers.CustomerAlertsRoute, routeValues: route));

        Assert.Equal(200, messages.Status);
        Assert.Equal(2, messages.Json!.AsArray().Count);
        var message = Assert.Single(messages.Json!.AsArray(), m => m!["channel"]!.GetValue<string>() == "email")!;
        var text = Assert.Single(messages.Json!.AsArray(), m => m!["channel"]!.GetValue<string>() == "sms")!;
        Assert.Equal((sms, "delivered"), (text["sendId"]!.GetValue<string>(), text["delivery"]!.GetValue<string>()));
        Assert.Null(message["delivery"]);
        Assert.Equal((mine, "sent", "provider", "sg-" + mine, "Functions birthday"), (
            message["sendId"]!.GetValue<string>(), message["status"]!.GetValue<string>(), message["via"]!.GetValue<string>(),
            message["providerMessageId"]!.GetValue<string>(), message["campaignName"]!.GetValue<string>()));
        Assert.Equal("price", Assert.Single(feedback.Json!.AsArray())!["reason"]!.GetValue<string>());
        Assert.Equal(customerId, Assert.Single(alerts.Json!.AsArray())!["customerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Redelivered_ingest_message_stores_the_order_once()
    {
        var orderId = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var email = $"fn-redelivered-{orderId}@example.com";
        var body = ShopifyOrder(orderId, orderId + 1, email, 10m);
        var request = FunctionRequest.Json("POST", Triggers.ShopifyWebhookRoute, body, new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = "orders/paid",
            ["X-Shopify-Event-Id"] = "evt-" + orderId,
            ["X-Shopify-Hmac-Sha256"] = FunctionSettings.ShopifySignature(body),
        });
        Assert.Equal(202, (await app.InvokeHttpAsync("ShopifyWebhook", request)).Status);

        // The host delivers a message again when the worker dies after storing and before the delete.
        var message = await QueueTriggerDriver.DeliverIngestAsync(app, email);
        await app.Create<IngestQueueFunction>().Run(message.Text, message.DequeueCount + 1, CancellationToken.None);

        var found = await app.InvokeHttpAsync("FindCustomers", FunctionRequest.Read(Triggers.CustomersRoute, "email=" + Uri.EscapeDataString(email)));
        Assert.Equal(1, found.Json!["orderCount"]!.GetValue<int>());
    }

    private static Dictionary<string, string> RouteValues(string route) =>
        route.Contains("{id}", StringComparison.Ordinal) ? new Dictionary<string, string> { ["id"] = "c0" } : [];

    internal static string ShopifyOrder(long orderId, long customerId, string email, decimal total) => JsonSerializer.Serialize(new
    {
        id = orderId,
        created_at = "2024-03-14T18:42:08-04:00",
        currency = "USD",
        total_price = total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        total_discounts = "0.00",
        financial_status = "paid",
        source_name = "web",
        email,
        customer = new { id = customerId, email },
        line_items = new[]
        {
            new { id = orderId * 10, sku = "SKU-1", product_type = "Footwear", quantity = 1, price = total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), total_discount = "0.00" },
        },
    });
}
