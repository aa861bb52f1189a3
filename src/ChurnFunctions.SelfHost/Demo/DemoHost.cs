using ChurnFunctions.Core.Alerts;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.SelfHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.SelfHost.Demo;

/// <summary>The self-host as `churn demo` runs it, with the clock and the wake-ups the <see cref="DemoDriver"/> drives.</summary>
public sealed record DemoHost(WebApplication App, SimulatedTimeProvider Clock, InMemoryWakeUpScheduler WakeUps)
{
    public DemoDriver Driver => new(App.Services, Clock, WakeUps);

    /// <summary>
    /// <see cref="ChurnHost.Build"/> on <paramref name="storage"/> with <paramref name="apiKey"/> opening ingest and
    /// reads, and: the simulated clock as the app's one TimeProvider; wake-ups kept for the driver instead of queued;
    /// no timers (the driver runs the nightly jobs on the simulated calendar); every message, alerts included, to the
    /// outbox whatever the settings say, so a demo never reaches a real provider; the starter remembers whom it entered.
    /// </summary>
    public static DemoHost Build(
        string urls, string storage, string apiKey, DateTimeOffset start, Action<WebApplicationBuilder>? configure = null)
    {
        var clock = new SimulatedTimeProvider(start);
        var wakeUps = new InMemoryWakeUpScheduler();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Api:Keys"] = apiKey,
            ["Api:ReadKeys"] = apiKey,
            ["Alerts:StaffEmail"] = "",
            ["Alerts:StaffPhone"] = "",
            ["Alerts:WebhookUrl"] = "",
        };
        var app = ChurnHost.Build(
            ["--urls", urls],
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                var services = builder.Services;
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveAll<IWakeUpScheduler>();
                services.AddSingleton<IWakeUpScheduler>(wakeUps);
                services.RemoveAll<ICampaignStarter>();
                services.AddSingleton<ICampaignStarter>(sp => new RememberingCampaignStarter(sp.GetRequiredService<CampaignRunner>()));
                services.RemoveAll<TimerTriggerRegistration>();
                foreach (var timers in services.Where(d => d.ImplementationType == typeof(TimerTriggerService)).ToList())
                {
                    services.Remove(timers);
                }

                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender, OutboxEmailSender>();
                services.RemoveAll<ISmsSender>();
                services.AddSingleton<ISmsSender, OutboxSmsSender>();
                services.RemoveAll<IAlertChannel>();
                services.AddSingleton<IAlertChannel, OutboxAlertChannel>();
                configure?.Invoke(builder);
            },
            settings);
        return new DemoHost(app, clock, wakeUps);
    }
}
