using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SelfHost.Hosting;

/// <summary>Registers queue and timer triggers that run in the self-host as they do in Azure Functions.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>
    /// Listens on <paramref name="queueName"/> and hands each message to <paramref name="handler"/> with a scoped
    /// service provider. Options bind from <see cref="QueueListenerOptions.SectionName"/> (shared by all queues, as
    /// host.json's extensions.queues is), then <paramref name="configure"/> adjusts them for this queue; they are
    /// validated on start. Needs an <see cref="IMessageQueueFactory"/> registered.
    /// </summary>
    public static IServiceCollection AddQueueTrigger(
        this IServiceCollection services,
        string queueName,
        Func<IServiceProvider, QueueMessage, CancellationToken, Task> handler,
        Action<QueueListenerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentNullException.ThrowIfNull(handler);
        if (services.Any(d => d.ServiceType == typeof(QueueTriggerRegistration)
            && d.ImplementationInstance is QueueTriggerRegistration r && r.QueueName == queueName))
        {
            throw new InvalidOperationException($"A queue trigger for '{queueName}' is registered already.");
        }

        var options = services.AddOptions<QueueListenerOptions>(queueName).BindConfiguration(QueueListenerOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateSettings(QueueListenerOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var registration = new QueueTriggerRegistration(queueName, handler);
        services.AddSingleton(registration);

        // Not AddHostedService: it de-duplicates by implementation type, and there is one service per queue.
        services.AddSingleton<IHostedService>(sp => new QueueTriggerService(
            registration,
            sp.GetRequiredService<IOptionsMonitor<QueueListenerOptions>>().Get(queueName),
            sp.GetRequiredService<IMessageQueueFactory>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueTriggerService>>()));
        return services;
    }

    /// <summary>
    /// Runs <paramref name="job"/> on a schedule: an NCRONTAB expression or interval (see <see cref="TimerSchedule"/>),
    /// or, as in a Functions attribute, "%SettingName%" to read it from that configuration setting when the host
    /// starts. A literal schedule is parsed here, so a bad one fails at registration.
    /// </summary>
    public static IServiceCollection AddTimerTrigger(
        this IServiceCollection services,
        string name,
        string scheduleOrSettingValue,
        Func<IServiceProvider, TimerTick, CancellationToken, Task> job,
        bool runOnStartup = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleOrSettingValue);
        ArgumentNullException.ThrowIfNull(job);

        var value = scheduleOrSettingValue.Trim();
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var setting = value[1..^1];
            services.AddSingleton(sp => new TimerTriggerRegistration(
                name, ParseSchedule(name, sp.GetRequiredService<IConfiguration>()[setting], setting), job, runOnStartup));
        }
        else
        {
            services.AddSingleton(new TimerTriggerRegistration(name, ParseSchedule(name, value, setting: null), job, runOnStartup));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TimerTriggerService>());
        return services;
    }

    private static TimerSchedule ParseSchedule(string timerName, string? schedule, string? setting)
    {
        var source = setting is null ? "" : $" (setting '{setting}')";
        if (string.IsNullOrWhiteSpace(schedule))
        {
            throw new InvalidOperationException($"Timer '{timerName}' has no schedule{source}.");
        }

        try
        {
            return TimerSchedule.Parse(schedule);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Timer '{timerName}'{source}: {e.Message}", e);
        }
    }
}
