using ChurnFunctions.Core.Ports;
using ChurnFunctions.SelfHost.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class HostingServiceCollectionExtensionsTests
{
    private static readonly Func<IServiceProvider, QueueMessage, CancellationToken, Task> NoOpHandler = (_, _, _) => Task.CompletedTask;
    private static readonly Func<IServiceProvider, TimerTick, CancellationToken, Task> NoOpJob = (_, _, _) => Task.CompletedTask;

    private static ServiceCollection Services(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddLogging();
        services.AddSingleton(Mock.Of<IMessageQueueFactory>());
        return services;
    }

    [Fact]
    public void Queue_options_default_to_the_host_json_values_and_a_ten_minute_cap_on_the_retry_wait()
    {
        using var provider = Services().AddQueueTrigger("ingest", NoOpHandler).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<QueueListenerOptions>>().Get("ingest");

        Assert.Equal((16, 8, 5), (options.BatchSize, options.EffectiveNewBatchThreshold, options.MaxDequeueCount));
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10)), (options.VisibilityTimeout, options.MaxVisibilityTimeout));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10)), (options.MaxPollingInterval, options.MessageLease));
    }

    [Fact]
    public void Queue_options_bind_from_the_Queues_section_then_the_per_queue_configure_applies()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Queues:batchSize"] = "8",
            ["Queues:newBatchThreshold"] = "2",
            ["Queues:maxDequeueCount"] = "3",
            ["Queues:visibilityTimeout"] = "00:00:30",
            ["Queues:maxPollingInterval"] = "00:00:05",
        };

        using var provider = Services(settings).AddQueueTrigger("ingest", NoOpHandler, o => o.MaxDequeueCount = 4).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<QueueListenerOptions>>().Get("ingest");
        Assert.Equal((8, 2, 4), (options.BatchSize, options.EffectiveNewBatchThreshold, options.MaxDequeueCount));
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), (options.VisibilityTimeout, options.MaxPollingInterval));
    }

    [Theory]
    [InlineData("batchSize", "64", "BatchSize")]
    [InlineData("newBatchThreshold", "16", "NewBatchThreshold")]
    [InlineData("maxDequeueCount", "0", "MaxDequeueCount")]
    [InlineData("maxPollingInterval", "00:00:00.050", "MaxPollingInterval")]
    [InlineData("maxVisibilityTimeout", "00:00:05", "MaxVisibilityTimeout")]
    public void Invalid_queue_options_fail_validation(string key, string value, string member)
    {
        using var provider = Services(new() { [$"Queues:{key}"] = value }).AddQueueTrigger("ingest", NoOpHandler).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<QueueListenerOptions>>().Get("ingest"));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_queue_trigger_gets_its_own_hosted_listener()
    {
        using var provider = Services()
            .AddQueueTrigger("ingest", NoOpHandler)
            .AddQueueTrigger("notify", NoOpHandler)
            .BuildServiceProvider();

        var listeners = provider.GetServices<IHostedService>().OfType<QueueTriggerService>().Select(s => s.QueueName);

        Assert.Equal(["ingest", "notify"], listeners);
        Assert.Equal(["ingest", "notify"], provider.GetServices<QueueTriggerRegistration>().Select(r => r.QueueName));
    }

    [Fact]
    public void Registering_the_same_queue_twice_throws()
    {
        var services = Services().AddQueueTrigger("ingest", NoOpHandler);

        Assert.Throws<InvalidOperationException>(() => services.AddQueueTrigger("ingest", NoOpHandler));
    }

    [Fact]
    public void Timer_triggers_share_one_hosted_service()
    {
        using var provider = Services()
            .AddTimerTrigger("score", "0 0 2 * * *", NoOpJob)
            .AddTimerTrigger("cleanup", "00:30:00", NoOpJob, runOnStartup: true)
            .BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<TimerTriggerService>());
        var timers = provider.GetServices<TimerTriggerRegistration>().ToList();
        Assert.Equal(["score", "cleanup"], timers.Select(t => t.Name));
        Assert.Equal([false, true], timers.Select(t => t.RunOnStartup));
    }

    [Fact]
    public void A_percent_wrapped_schedule_is_read_from_that_setting_when_the_host_starts()
    {
        using var provider = Services(new() { ["ScoreSchedule"] = "0 30 2 * * *" })
            .AddTimerTrigger("score", "%ScoreSchedule%", NoOpJob)
            .BuildServiceProvider();

        Assert.Equal("0 30 2 * * *", provider.GetRequiredService<TimerTriggerRegistration>().Schedule.Expression);
    }

    [Fact]
    public void A_missing_schedule_setting_fails_when_the_host_starts_and_names_the_setting()
    {
        using var provider = Services().AddTimerTrigger("score", "%ScoreSchedule%", NoOpJob).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TimerTriggerRegistration>());

        Assert.Contains("ScoreSchedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_literal_schedule_fails_at_registration_and_names_the_timer()
    {
        var error = Assert.Throws<FormatException>(() => Services().AddTimerTrigger("score", "0 61 * * * *", NoOpJob));

        Assert.Contains("Timer 'score'", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 61 * * * *", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_schedule_setting_fails_when_the_host_starts_and_names_the_setting()
    {
        using var provider = Services(new() { ["ScoreSchedule"] = "0 30 2 * *" })
            .AddTimerTrigger("score", "%ScoreSchedule%", NoOpJob)
            .BuildServiceProvider();

        var error = Assert.Throws<FormatException>(() => provider.GetServices<IHostedService>().ToList());

        Assert.Contains("setting 'ScoreSchedule'", error.Message, StringComparison.Ordinal);
        Assert.Contains("6 components", error.Message, StringComparison.Ordinal);
    }
}
