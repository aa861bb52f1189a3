using System.Diagnostics;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.Campaigns;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Storage;
using ChurnFunctions.Storage.Campaigns;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>
/// 1,000 instances of email -> 1 s wait -> SMS through `churn serve` on Azurite to the fake SendGrid and Twilio, with
/// seeded faults (500, 429, timeouts, dropped connections, Twilio's accept-then-drop; SendGrid's accept-then-drop is in
/// <see cref="UncertainSendTests"/>) and the runner stopped while
/// sends hang between their ledger write and the provider call, then started again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignRuntimeTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Instances = 1000;
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
    public async Task Every_planned_message_is_sent_exactly_once_through_faults_and_a_restart()
    {
        var clock = Stopwatch.StartNew();
        var scenario = new CampaignScenario(run, Instances, DateTimeOffset.UtcNow);
        await definitions.SaveAsync(scenario.Definition, CancellationToken.None);
        for (var i = 0; i < Instances; i++)
        {
            if (CampaignScenario.OptedOutAtTwilio(i))
            {
                twilio.AddOptedOut(scenario.Customers[i].Phone!);
            }
        }

        using var faults = new CancellationTokenSource();
        var rotating = RotateFaultsAsync(faults.Token);

        CrashingSendLedger? crashing = null;
        var first = await StartHostAsync(services => services.AddSingleton<ISendLedger>(sp =>
            crashing = new CrashingSendLedger(new TableSendLedger(sp.GetRequiredService<StorageAccount>()), healthyInserts: 400)));
        var customers = first.Services.GetRequiredService<ICustomerStore>();
        await Parallel.ForEachAsync(scenario.Customers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) => await customers.SaveAsync(c, null, ct));
        var starter = first.Services.GetRequiredService<ICampaignStarter>();
        await Parallel.ForEachAsync(scenario.Customers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
            Assert.True(await starter.StartAsync(scenario.CampaignId, c.Id, ct)));
        output.WriteLine($"{clock.Elapsed}: {Instances} started");

        // Crash: stop the runner while sends hang between their pending ledger entry and the provider call.
        await SelfHostRunner.EventuallyAsync(() => Task.FromResult(crashing?.Hung ?? 0), n => n >= 8);
        var hung = crashing!.Hung;
        await first.DisposeAsync();
        output.WriteLine($"{clock.Elapsed}: stopped with {hung} sends hanging after their ledger write");

        await using var second = await StartHostAsync(null);
        var expectedEmails = Enumerable.Range(0, Instances).Count(CampaignScenario.ExpectsEmail);
        var expectedSms = Enumerable.Range(0, Instances).Count(CampaignScenario.ExpectsSms);
        await SelfHostRunner.EventuallyAsync(
            () => Task.FromResult((Emails: CountOwn(sendGrid.Accepted.Select(m => m.SendId)), Sms: CountOwn(twilio.Accepted.Select(m => m.SendId)))),
            n => n.Emails >= expectedEmails && n.Sms >= expectedSms,
            TimeSpan.FromSeconds(300));
        output.WriteLine($"{clock.Elapsed}: {expectedEmails} emails and {expectedSms} SMS delivered; SendGrid saw {sendGrid.RequestCount} requests, Twilio {twilio.CreateRequests} creates");
        await faults.CancelAsync();
        await rotating;

        var store = second.Services.GetRequiredService<ICampaignInstanceStore>();
        await SelfHostRunner.EventuallyAsync(
            async () => await CountCompletedAsync(store, scenario),
            n => n == Instances - Enumerable.Range(0, Instances).Count(CampaignScenario.InQuietZone),
            TimeSpan.FromSeconds(120));

        var emailCounts = sendGrid.Accepted.Where(m => IsOwn(m.SendId))
            .GroupBy(m => m.SendId!).ToDictionary(g => g.Key, g => g.Count());
        var smsCounts = twilio.Accepted.Where(m => IsOwn(m.SendId)).GroupBy(m => m.SendId!).ToDictionary(g => g.Key, g => g.Count());
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Instances; i++)
        {
            var customer = scenario.Customers[i];
            Assert.Equal(CampaignScenario.ExpectsEmail(i) ? 1 : 0, emailCounts.GetValueOrDefault(scenario.SendId(i, "email1")));
            Assert.Equal(CampaignScenario.ExpectsSms(i) ? 1 : 0, smsCounts.GetValueOrDefault(scenario.SendId(i, "sms1")));
            if (CampaignScenario.InQuietZone(i))
            {
                // Deferred, not dropped: still active, woken again at 08:00 in the customer's zone.
                var stored = (await store.GetAsync(scenario.InstanceId(i), CancellationToken.None))!.Value;
                Assert.Equal(CampaignPhase.Active, stored.State.Phase);
                Assert.True(stored.NextWakeUpAt > now.AddHours(1), $"{customer.Id} is not deferred past quiet hours");
                Assert.DoesNotContain(stored.State.Log, l => l.Outcome == StepOutcome.Sent);
            }
        }

        var refusedAddresses = scenario.Customers.Where((_, i) => CampaignScenario.RefusesEmail(i)).Select(c => c.Email!).ToHashSet();
        var refusedNumbers = scenario.Customers.Where((_, i) => CampaignScenario.RefusesSms(i) || CampaignScenario.OptedOutAtTwilio(i)).Select(c => c.Phone!).ToHashSet();
        Assert.DoesNotContain(sendGrid.Accepted, m => m.To.Any(refusedAddresses.Contains));
        Assert.DoesNotContain(twilio.Accepted, m => refusedNumbers.Contains(m.To));
        output.WriteLine($"{clock.Elapsed}: verified");
    }

    private bool IsOwn(string? sendId) => sendId is not null && sendId.StartsWith("rt-" + run + "-", StringComparison.Ordinal);

    private int CountOwn(IEnumerable<string?> sendIds) => sendIds.Where(IsOwn).Distinct().Count();

    private static async Task<int> CountCompletedAsync(ICampaignInstanceStore store, CampaignScenario scenario)
    {
        var completed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, scenario.Customers.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            if ((await store.GetAsync(scenario.InstanceId(i), ct))?.Value.State.Phase == CampaignPhase.Completed)
            {
                Interlocked.Increment(ref completed);
            }
        });
        return completed;
    }

    /// <summary>A seeded fraction of provider calls fail, the kind of failure changing every 200 ms.</summary>
    private async Task RotateFaultsAsync(CancellationToken cancellationToken)
    {
        FakeSendGridFault[] emailFaults =
        [
            FakeSendGridFault.ServerError, FakeSendGridFault.TooManyRequests(TimeSpan.FromSeconds(1)),
            FakeSendGridFault.Slow(TimeSpan.FromSeconds(30)), FakeSendGridFault.DropConnection,
        ];
        FakeTwilioFault[] smsFaults = [FakeTwilioFault.ServerError, FakeTwilioFault.TooManyRequests, FakeTwilioFault.Hang, FakeTwilioFault.Drop, FakeTwilioFault.AcceptThenDrop];
        for (var round = 0; !cancellationToken.IsCancellationRequested; round++)
        {
            sendGrid.FailFraction(0.08, emailFaults[round % emailFaults.Length], seed: 1000 + round);
            twilio.FailFraction(0.08, smsFaults[round % smsFaults.Length], seed: 2000 + round);
            await Task.Delay(200, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        sendGrid.FailFraction(0, FakeSendGridFault.ServerError, seed: 0);
        twilio.FailFraction(0, FakeTwilioFault.ServerError, seed: 0);
    }

    private async Task<SelfHostRunner> StartHostAsync(Action<IServiceCollection>? extra)
    {
        // Only the slow and hanging faults need the attempt to time out. A happy call must not, even on a loaded
        // machine: SendGrid has no lookup, so an email timed out after it was accepted would go twice. Below the send
        // lease, so a call that times out is still the lease holder's.
        var settings = FakeProviderSettings.For(sendGrid, twilio, TimeSpan.FromSeconds(5));
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        settings["Campaigns:Runtime:SendLease"] = "00:00:10";

        // Dropped connections and timeouts leave a send uncertain; no event comes here, so it goes again after this.
        settings["Campaigns:Runtime:UncertainSendWindow"] = "00:00:02";
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";
        settings["Queues:BatchSize"] = "32";
        return await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            services: services =>
            {
                services.RemoveAll<ICampaignDefinitionStore>();
                services.AddSingleton<ICampaignDefinitionStore>(definitions);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
                if (extra is not null)
                {
                    services.RemoveAll<ISendLedger>();
                    extra(services);
                }
            },
            settings: settings);
    }
}
