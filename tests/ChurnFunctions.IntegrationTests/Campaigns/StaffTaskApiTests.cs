using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>The staff call list end to end on the self-host runner over Azurite: a task step, the list, outcomes, do-not-call.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffTaskApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_task_step_lists_the_customer_to_call_and_do_not_call_closes_it_and_is_remembered()
    {
        // Arrange: a campaign whose first step is a call, and a customer with contact details.
        var run = "call" + Guid.NewGuid().ToString("N")[..8];
        var customerId = run + "-c";
        await SaveCampaignAsync(run, "first");
        await host.Services.GetRequiredService<ICustomerStore>().SaveAsync(
            new CustomerRecord { Id = customerId, FirstName = "Grace", LastName = "Hopper", Email = $"{run}@example.com", Phone = "+15550123456" },
            null, CancellationToken.None);
        var starter = host.Services.GetRequiredService<ICampaignStarter>();

        // Act: enter the customer; the runner makes the task.
        await starter.StartAsync(run + "-first", customerId, CancellationToken.None);
        var task = await Eventually.HoldsAsync(() => OpenTaskAsync(customerId), t => t is not null);

        // Assert: the task with its reason and whom to call.
        Assert.Equal("Call Grace", task!.Value.GetProperty("task").GetProperty("text").GetString());
        Assert.Equal("P(alive) below 0.30", task.Value.GetProperty("task").GetProperty("reason").GetString());
        Assert.Equal("+15550123456", task.Value.GetProperty("contact").GetProperty("phone").GetString());
        var id = task.Value.GetProperty("task").GetProperty("id").GetString()!;

        var notReached = await PostOutcomeAsync(id, "not-reached");
        Assert.Equal(HttpStatusCode.OK, notReached.StatusCode);
        Assert.NotNull(await OpenTaskAsync(customerId));
        var bad = await PostOutcomeAsync(id, "maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await PostOutcomeAsync("no-such-task", "reached")).StatusCode);
        var dnc = await PostOutcomeAsync(id, "do-not-call");
        Assert.Equal("closed", (await dnc.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Null(await OpenTaskAsync(customerId));

        // A later campaign with a call step skips it for this customer.
        await SaveCampaignAsync(run, "second");
        await starter.StartAsync(run + "-second", customerId, CancellationToken.None);
        var instances = host.Services.GetRequiredService<Core.Campaigns.Runtime.ICampaignInstanceStore>();
        var second = await Eventually.HoldsAsync(
            () => instances.GetAsync(CampaignInstanceId.For(customerId, run + "-second"), CancellationToken.None),
            s => s?.Value.State.Log.Any(l => l.StepId == "call") == true);
        Assert.Equal(StepOutcome.Skipped, second!.Value.State.Log.Single(l => l.StepId == "call").Outcome);
        Assert.Null(await OpenTaskAsync(customerId));
    }

    [Fact]
    public async Task The_call_list_needs_a_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.PostAsync("/api/tasks/x/outcome", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.SendAsync(Payloads.Get("/api/tasks?status=pending"))).StatusCode);
    }

    private Task SaveCampaignAsync(string run, string suffix) =>
        host.Services.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(new CampaignDefinition
        {
            Id = run + "-" + suffix,
            Name = "Calls " + suffix,
            Trigger = new AliveProbabilityBelowTrigger(0.3),
            HoldoutPercent = 0,
            AttributionWindow = TimeSpan.FromSeconds(1),
            Steps = [new CreateStaffTaskStep { Id = "call", Text = "Call {{firstName}}" }],
        }, CancellationToken.None);

    private async Task<JsonElement?> OpenTaskAsync(string customerId)
    {
        var list = await (await host.Client.SendAsync(Payloads.Get("/api/tasks?status=open"))).Content.ReadFromJsonAsync<JsonElement>();
        return list.EnumerateArray().Where(t => t.GetProperty("task").GetProperty("customerId").GetString() == customerId).Select(t => (JsonElement?)t).FirstOrDefault();
    }

    private Task<HttpResponseMessage> PostOutcomeAsync(string id, string outcome)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{Uri.EscapeDataString(id)}/outcome")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { outcome, note = "test" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", Secrets.ApiKey);
        return host.Client.SendAsync(request);
    }
}
