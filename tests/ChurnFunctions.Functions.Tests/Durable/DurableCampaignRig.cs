using System.Runtime.CompilerServices;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Fakes;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.Fakes.Twilio;
using ChurnFunctions.Functions.Campaigns;
using ChurnFunctions.Functions.Tests.Durable.Hosting;
using ChurnFunctions.Testing;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// The app's campaign orchestrator and activities on a Durable Task engine: the app's services over Azurite and the
/// fake SendGrid and Twilio, and a sidecar over the given orchestration service. Instances start and take events
/// through the app's own queue functions (<see cref="CampaignStartFunction"/>, <see cref="CampaignEventFunction"/>)
/// with the engine's client.
/// </summary>
internal sealed class DurableCampaignRig : IAsyncDisposable
{
    private DurableCampaignRig(FakeSendGridServer sendGrid, FakeTwilioServer twilio, ServiceProvider app, DurableTaskSidecar engine)
    {
        SendGrid = sendGrid;
        Twilio = twilio;
        App = app;
        Engine = engine;
    }

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    public FakeSendGridServer SendGrid { get; }

    public FakeTwilioServer Twilio { get; }

    public ServiceProvider App { get; }

    public DurableTaskSidecar Engine { get; }

    public DurableTaskClient Client => Engine.Client;

    public static async Task<DurableCampaignRig> StartAsync(
        AzuriteFixture azurite, Func<Task<IOrchestrationService>>? backend = null, Action<IServiceCollection>? configure = null)
    {
        var sendGrid = await FakeSendGridServer.StartAsync();
        var twilio = await FakeTwilioServer.StartAsync();
        // An attempt timeout a loaded machine does not hit by accident: a provider call that timed out after the
        // provider accepted would be sent again by the adapter, which is not what these tests are about.
        var settings = FakeProviderSettings.For(sendGrid, twilio, AttemptTimeout);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Campaigns:DefaultTimeZone"] = "UTC";
        settings["Campaigns:Runtime:SendLease"] = "00:00:30";
        // A lost SendGrid answer (timeout, dropped connection) waits this long for an event naming the send before it
        // is sent again; the faults here never reach the provider, so a short window keeps the scenarios short.
        settings["Campaigns:Runtime:UncertainSendWindow"] = "00:00:02";
        settings["Campaigns:Runtime:DefinitionCacheTime"] = "00:00:00";
        var app = AppServices.Build(settings, configure);
        var service = backend is null ? DurableTaskSidecar.InMemory() : await backend();
        var engine = await DurableTaskSidecar.StartAsync(service, registry => AppDurableFunctions.Register(registry, app));
        return new DurableCampaignRig(sendGrid, twilio, app, engine);
    }

    /// <summary>Stores the definition and the customers, and lists the opted-out numbers at the fake Twilio.</summary>
    public async Task SeedAsync(DurableScenario scenario)
    {
        for (var i = 0; i < scenario.Customers.Count; i++)
        {
            if (DurableScenario.OptedOutAtTwilio(i))
            {
                Twilio.AddOptedOut(scenario.Customers[i].Phone!);
            }
        }

        await App.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(scenario.Definition, CancellationToken.None);
        var customers = App.GetRequiredService<ICustomerStore>();
        foreach (var customer in scenario.Customers)
        {
            await customers.SaveAsync(customer, null, CancellationToken.None);
        }
    }

    /// <summary>Starts each customer's instance through the app's "campaign-starts" function.</summary>
    public async Task StartAllAsync(DurableScenario scenario)
    {
        var start = ActivatorUtilities.CreateInstance<CampaignStartFunction>(App);
        foreach (var customer in scenario.Customers)
        {
            var message = JsonSerializer.Serialize(new CampaignStartMessage(scenario.CampaignId, customer.Id), CampaignJson.Options);
            await start.Run(message, Client, CancellationToken.None);
        }
    }

    /// <summary>Delivers an input through the app's "campaign-events" function.</summary>
    public async Task RaiseAsync(string customerId, CampaignInput input)
    {
        var events = ActivatorUtilities.CreateInstance<CampaignEventFunction>(App);
        var message = JsonSerializer.Serialize(new CampaignEventMessage(customerId, input), CampaignJson.Options);
        await events.Run(message, Client, CancellationToken.None);
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan? guard = null)
    {
        using var timeout = new CancellationTokenSource(guard ?? TimeSpan.FromSeconds(90));
        var done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        return done;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, within a generous guard (<see cref="Eventually"/>).</summary>
    public static Task<T> EventuallyAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> condition,
        TimeSpan? guard = null,
        [CallerArgumentExpression(nameof(probe))] string awaited = "",
        [CallerArgumentExpression(nameof(condition))] string expected = "") =>
        Eventually.HoldsAsync(probe, condition, guard, awaited, expected);

    public int EmailsTo(string sendId) => SendGrid.CountBySendId(sendId);

    public int SmsTo(string sendId) => Twilio.CountBySendId(sendId);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await App.DisposeAsync();
        await SendGrid.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
