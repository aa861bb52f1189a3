using System.Net;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.SelfHost.Hosting;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Ingest;

/// <summary>The self-host serves every entry of the one trigger table the Functions shell is written against.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerTableTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> HttpTriggers()
    {
        var data = new TheoryData<string, string>();
        foreach (var trigger in Triggers.Http)
        {
            data.Add(trigger.Method, trigger.Route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HttpTriggers))]
    public async Task Self_host_serves_every_http_trigger_under_api(string method, string route)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/" + route.Replace("{id}", "c0", StringComparison.Ordinal));

        var response = await host.Client.SendAsync(request);

        // The route exists when the endpoint answers: an unmatched route is a bare 404 without a problem body.
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True(
            response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{method} /api/{route} is not served");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public void Self_host_listens_on_every_queue_trigger()
    {
        var registered = host.Services.GetServices<QueueTriggerRegistration>().Select(r => r.QueueName).ToHashSet();

        Assert.All(Triggers.Queues.Where(q => q.Hosts.HasFlag(TriggerHosts.SelfHost)), q => Assert.Contains(q.Queue, registered));
        Assert.All(Triggers.Queues.Where(q => !q.Hosts.HasFlag(TriggerHosts.SelfHost)), q => Assert.DoesNotContain(q.Queue, registered));
    }

    [Fact]
    public void Self_host_runs_every_timer_trigger()
    {
        var registered = host.Services.GetServices<TimerTriggerRegistration>().Select(r => r.Name).ToHashSet();

        Assert.All(Triggers.Timers, t => Assert.Contains(t.Name, registered));
    }

    [Fact]
    public void Every_trigger_handler_resolves_from_the_container()
    {
        // A constructor cycle or a missing registration fails here, not on the first message in production.
        Assert.NotNull(host.Services.GetRequiredService<IngestMessageHandler>());
        Assert.NotNull(host.Services.GetRequiredService<CampaignRunner>());
        Assert.NotNull(host.Services.GetRequiredService<ScoringJob>());
        Assert.NotNull(host.Services.GetRequiredService<CampaignEnrollmentJob>());
        Assert.NotNull(host.Services.GetRequiredService<ICampaignEvents>());
    }

    [Fact]
    public async Task Unknown_routes_are_not_served()
    {
        var response = await host.Client.GetAsync("/api/not-a-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
