using System.Diagnostics;
using ChurnFunctions.Core.Telemetry;
using ChurnFunctions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace ChurnFunctions.Functions.Tests.Telemetry;

/// <summary>The Functions app's span per queue message, named and tagged as the self-host's listener names it.</summary>
public sealed class QueueMessageSpanMiddlewareTests : IDisposable
{
    private readonly List<Activity> spans = [];
    private readonly string messageId = Guid.NewGuid().ToString();
    private readonly ActivityListener listener;

    public QueueMessageSpanMiddlewareTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChurnTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task An_ingest_queue_invocation_runs_inside_a_process_span_with_the_message_id_and_dequeue_count()
    {
        Activity? current = null;

        await new QueueMessageSpanMiddleware().Invoke(Context("IngestQueue"), _ =>
        {
            current = Activity.Current;
            return Task.CompletedTask;
        });

        var span = Assert.Single(Mine());
        Assert.Same(span, current);
        Assert.Equal("process ingest", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("ingest", span.GetTagItem("messaging.destination.name"));
        Assert.Equal(3L, span.GetTagItem("churn.dequeue_count"));
    }

    [Fact]
    public async Task A_failed_invocation_marks_the_span_failed_by_exception_type_and_rethrows()
    {
        await Assert.ThrowsAsync<TimeoutException>(() =>
            new QueueMessageSpanMiddleware().Invoke(Context("CampaignEvent"), _ => throw new TimeoutException("ada@example.com timed out")));

        var span = Assert.Single(Mine());
        Assert.Equal("process campaign-events", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(nameof(TimeoutException), span.StatusDescription);
    }

    [Fact]
    public void Only_queue_functions_of_the_trigger_table_are_wrapped()
    {
        Assert.True(QueueMessageSpanMiddleware.Handles(Context("IngestQueue")));
        Assert.False(QueueMessageSpanMiddleware.Handles(Context("ShopifyWebhook")));
        Assert.False(QueueMessageSpanMiddleware.Handles(Context("NightlyScoring")));
    }

    public void Dispose() => listener.Dispose();

    private List<Activity> Mine()
    {
        lock (spans)
        {
            return spans.Where(s => s.GetTagItem("messaging.message.id") as string == messageId).ToList();
        }
    }

    private FunctionContext Context(string functionName)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var binding = new Mock<BindingContext>();
        // As the queue trigger's metadata arrives: values as the host serialised them.
        binding.SetupGet(b => b.BindingData).Returns(new Dictionary<string, object?> { ["Id"] = messageId, ["DequeueCount"] = "3" });
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.InvocationId).Returns(Guid.NewGuid().ToString());
        return context.Object;
    }
}
