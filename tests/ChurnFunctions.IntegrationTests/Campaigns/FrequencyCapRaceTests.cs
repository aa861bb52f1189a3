using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>
/// Three `churn serve` hosts over one Azurite, each customer entered into three one-email campaigns at the same moment
/// (one start through each host): every wake-up is due at once and any host may take it, so the three sends race.
/// The frequency cap (one email per 3 days, across campaigns) must let exactly one through per customer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FrequencyCapRaceTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Customers = 60;
    private const int Campaigns = 3;
    private static readonly DateTimeOffset ConsentAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly InMemoryCampaignDefinitions definitions = new();
    private FakeSendGridServer sendGrid = null!;
    private FakeTwilioServer twilio = null!;

    public async Task InitializeAsync()
    {
        sendGrid = await FakeSendGridServer.StartAsync();
        twilio = await FakeTwilioServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sendGrid.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task Campaigns_racing_for_one_customer_on_three_hosts_send_at_most_one_email_per_cap_window()
    {
        var campaignIds = Enumerable.Range(0, Campaigns).Select(c => $"cap-{run}-{c}").ToList();
        foreach (var id in campaignIds)
        {
            await definitions.SaveAsync(Definition(id), CancellationToken.None);
        }

        var hosts = new List<SelfHostRunner>();
        try
        {
            for (var h = 0; h < Campaigns; h++)
            {
                hosts.Add(await StartHostAsync());
            }

            var customers = Enumerable.Range(0, Customers).Select(Customer).ToList();
            var store = hosts[0].Services.GetRequiredService<ICustomerStore>();
            await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) => await store.SaveAsync(c, null, ct));

            // Campaign c of every customer starts through host c, all at once, like one enrollment pass on each runner.
            await Parallel.ForEachAsync(
                customers.SelectMany(c => Enumerable.Range(0, Campaigns).Select(k => (Customer: c, Campaign: k))),
                new ParallelOptions { MaxDegreeOfParallelism = 24 },
                async (pair, ct) => Assert.True(await hosts[pair.Campaign].Services.GetRequiredService<ICampaignStarter>()
                    .StartAsync(campaignIds[pair.Campaign], pair.Customer.Id, ct)));

            var instances = hosts[0].Services.GetRequiredService<ICampaignInstanceStore>();
            var settled = await SelfHostRunner.EventuallyAsync(
                () => CountSettledAsync(instances, customers, campaignIds),
                n => n == Customers * Campaigns,
                // Generous: 180 instances on three hosts settle in seconds when quiet, but a loaded machine is slow.
                TimeSpan.FromSeconds(400));
            output.WriteLine($"{settled} instances settled; SendGrid accepted {sendGrid.Accepted.Count} messages");

            var perRecipient = sendGrid.Accepted.Where(m => m.SendId?.StartsWith("cap-" + run, StringComparison.Ordinal) == true)
                .GroupBy(m => m.To[0]).ToDictionary(g => g.Key, g => g.Count());
            foreach (var customer in customers)
            {
                Assert.Equal(1, perRecipient.GetValueOrDefault(customer.Email!));
            }

            // The losers wait for the window's end (3 days), deferred rather than dropped.
            var deferred = 0;
            foreach (var customer in customers)
            {
                foreach (var id in campaignIds)
                {
                    var stored = (await instances.GetAsync(CampaignInstanceId.For(customer.Id, id), CancellationToken.None))!.Value;
                    if (stored.State.Phase == CampaignPhase.Active)
                    {
                        Assert.True(stored.NextWakeUpAt > DateTimeOffset.UtcNow.AddDays(2), $"{stored.State.InstanceId} is not deferred to the cap window's end");
                        deferred++;
                    }
                }
            }

            Assert.Equal(Customers * (Campaigns - 1), deferred);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Completed (sent, then tracked for the 1 s attribution window) or deferred past tomorrow.</summary>
    private static async Task<int> CountSettledAsync(ICampaignInstanceStore instances, IReadOnlyList<CustomerRecord> customers, IReadOnlyList<string> campaignIds)
    {
        var settled = 0;
        var horizon = DateTimeOffset.UtcNow.AddDays(1);
        await Parallel.ForEachAsync(customers.SelectMany(c => campaignIds.Select(id => CampaignInstanceId.For(c.Id, id))), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        {
            if (await instances.GetAsync(id, ct) is { } stored
                && (stored.Value.State.Phase == CampaignPhase.Completed || stored.Value.NextWakeUpAt > horizon))
            {
                Interlocked.Increment(ref settled);
            }
        });
        return settled;
    }

    private static CampaignDefinition Definition(string id) => new()
    {
        Id = id,
        Name = "Cap race",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        AttributionWindow = TimeSpan.FromSeconds(1),
        Steps = [new SendEmailStep { Id = "email1", TemplateId = "d-cap" }],
    };

    private CustomerRecord Customer(int i) => new()
    {
        Id = $"cap{run}-{i}",
        Email = $"cap{run}-{i}@example.com",
        FirstName = "Ada",
        Consents = [new ConsentRecord(MessageChannel.Email, true, "test", ConsentAt)],
    };

    private async Task<SelfHostRunner> StartHostAsync()
    {
        var settings = FakeProviderSettings.For(sendGrid, twilio, FakeProviderSettings.UnhurriedAttemptTimeout);
        settings["Campaigns:DefaultTimeZone"] = "UTC";

        // No quiet hours: the race, not the clock, decides when the sends go.
        settings["Campaigns:QuietHoursStart"] = "00:00";
        settings["Campaigns:QuietHoursEnd"] = "00:00";
        settings["Campaigns:Runtime:SendLease"] = "00:01:00"; // longer than the slowest call; no takeover is tested here
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";
        settings["Queues:BatchSize"] = "16";
        return await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: services =>
            {
                services.RemoveAll<ICampaignDefinitionStore>();
                services.AddSingleton<ICampaignDefinitionStore>(definitions);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            },
            settings: settings);
    }
}
