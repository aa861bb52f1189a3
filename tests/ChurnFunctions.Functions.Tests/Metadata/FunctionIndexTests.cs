using System.Reflection;
using ChurnFunctions.Core.Triggers;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Metadata;

/// <summary>The function index the worker SDK generated matches the one trigger table, both ways.</summary>
public sealed class FunctionIndexTests
{
    private static IndexedFunction Indexed(string name) =>
        FunctionIndex.All.SingleOrDefault(f => f.Name == name) ?? throw new Xunit.Sdk.XunitException($"'{name}' is not in functions.metadata");

    public static TheoryData<string> HttpNames() => new(Triggers.Http.Select(t => t.Name));

    public static TheoryData<string> QueueNames() => new(Triggers.Queues.Where(q => q.Hosts.HasFlag(TriggerHosts.Functions)).Select(q => q.Name));

    public static TheoryData<string> TimerNames() => new(Triggers.Timers.Select(t => t.Name));

    public static TheoryData<string> DurableNames() => new(Triggers.Durable.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(HttpNames))]
    public void Every_http_trigger_is_an_anonymous_function_on_its_route_and_method(string name)
    {
        var expected = Triggers.Http.Single(t => t.Name == name);

        var trigger = Indexed(name).Trigger;

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal(expected.Route, trigger.Route);
        Assert.Equal([expected.Method.ToLowerInvariant()], trigger.Methods);
        // The handlers check signatures and x-api-key themselves; a function key would lock out the platforms.
        Assert.Equal("Anonymous", trigger.AuthLevel);
    }

    [Theory]
    [MemberData(nameof(QueueNames))]
    public void Every_functions_queue_trigger_listens_on_its_queue_through_the_storage_connection(string name)
    {
        var expected = Triggers.Queues.Single(q => q.Name == name);

        var trigger = Indexed(name).Trigger;

        Assert.Equal("queueTrigger", trigger.Type);
        Assert.Equal(expected.Queue, trigger.QueueName);
        Assert.Equal(Triggers.StorageConnection, trigger.Connection);
    }

    [Theory]
    [MemberData(nameof(TimerNames))]
    public void Every_timer_reads_its_schedule_from_its_setting(string name)
    {
        var expected = Triggers.Timers.Single(t => t.Name == name);

        var trigger = Indexed(name).Trigger;

        Assert.Equal("timerTrigger", trigger.Type);
        Assert.Equal("%" + expected.ScheduleSetting + "%", trigger.Schedule);
    }

    [Theory]
    [MemberData(nameof(DurableNames))]
    public void Every_durable_entry_is_an_orchestration_or_activity_function(string name)
    {
        var expected = Triggers.Durable.Single(t => t.Name == name);

        var trigger = Indexed(name).Trigger;

        Assert.Equal(expected.Kind == DurableTriggerKind.Orchestration ? "orchestrationTrigger" : "activityTrigger", trigger.Type);
    }

    [Fact]
    public void Every_indexed_function_is_in_the_trigger_table()
    {
        var table = Triggers.Http.Select(t => (t.Name, "httpTrigger"))
            .Concat(Triggers.Queues.Where(q => q.Hosts.HasFlag(TriggerHosts.Functions)).Select(q => (q.Name, "queueTrigger")))
            .Concat(Triggers.Timers.Select(t => (t.Name, "timerTrigger")))
            .Concat(Triggers.Durable.Select(t => (t.Name, t.Kind == DurableTriggerKind.Orchestration ? "orchestrationTrigger" : "activityTrigger")))
            .ToHashSet();

        var indexed = FunctionIndex.All.Select(f => (f.Name, f.Trigger.Type)).ToList();

        Assert.Empty(indexed.Except(table));
        Assert.Equal(table.Count, indexed.Count);
    }

    [Fact]
    public void Self_host_only_queues_have_no_function()
    {
        var selfHostOnly = Triggers.Queues.Where(q => !q.Hosts.HasFlag(TriggerHosts.Functions)).Select(q => q.Queue).ToList();

        Assert.NotEmpty(selfHostOnly);
        Assert.DoesNotContain(FunctionIndex.All, f => f.Trigger.QueueName is { } queue && selfHostOnly.Contains(queue));
    }

    [Fact]
    public void Every_entry_point_is_a_function_method_of_that_name_in_the_app()
    {
        var app = typeof(Program).Assembly;
        Assert.All(FunctionIndex.All, function =>
        {
            var split = function.EntryPoint.LastIndexOf('.');
            var type = app.GetType(function.EntryPoint[..split], throwOnError: true)!;
            var method = type.GetMethod(function.EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance);
            Assert.NotNull(method);
            Assert.Equal(function.Name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        });
    }

    [Fact]
    public void The_app_output_holds_what_the_host_loads()
    {
        Assert.True(File.Exists(Path.Combine(FunctionIndex.AppOutput, "extensions.json")));
        Assert.True(File.Exists(Path.Combine(FunctionIndex.AppOutput, "worker.config.json")));
        Assert.True(File.Exists(Path.Combine(FunctionIndex.AppOutput, "host.json")));
    }
}
