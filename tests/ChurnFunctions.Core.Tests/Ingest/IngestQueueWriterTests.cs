using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IngestQueueWriterTests
{
    private readonly GatedQueue queue = new();

    [Fact]
    public async Task A_lone_delivery_goes_as_its_own_message()
    {
        queue.Open();

        await Writer().WriteAsync(Envelope("a"), default);

        Assert.Equal([Envelope("a")], queue.Messages);
    }

    [Fact]
    public async Task Deliveries_arriving_while_the_puts_are_busy_share_the_next_message()
    {
        var writer = Writer(parallelPuts: 1);
        var first = writer.WriteAsync(Envelope("a"), default);
        var second = writer.WriteAsync(Envelope("b"), default);
        var third = writer.WriteAsync(Envelope("c"), default);

        queue.Open();
        await Task.WhenAll(first, second, third);

        Assert.Equal([Envelope("a"), $"[{Envelope("b")},{Envelope("c")}]"], queue.Messages);
        Assert.Equal(["a", "b", "c"], queue.Messages.SelectMany(IngestEnvelopeSerializer.Split).Select(t => IngestEnvelopeSerializer.Deserialize(t).Body));
    }

    [Fact]
    public async Task A_caller_returns_only_once_the_message_holding_its_delivery_is_on_the_queue()
    {
        var writer = Writer(parallelPuts: 1);
        var first = writer.WriteAsync(Envelope("a"), default);
        var second = writer.WriteAsync(Envelope("b"), default);

        queue.Release();
        await first;
        await queue.WaitForPutsAsync(2);

        Assert.False(second.IsCompleted);
        queue.Release();
        await second;
    }

    [Fact]
    public async Task A_failed_put_fails_every_caller_whose_delivery_it_held()
    {
        var writer = Writer(parallelPuts: 1);
        var first = writer.WriteAsync(Envelope("a"), default);
        var second = writer.WriteAsync(Envelope("b"), default);
        var third = writer.WriteAsync(Envelope("c"), default);

        queue.Fail(new HttpRequestException("Connection refused"));
        await Assert.ThrowsAsync<HttpRequestException>(() => first);
        queue.Fail(new HttpRequestException("Connection refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => second);
        await Assert.ThrowsAsync<HttpRequestException>(() => third);
        Assert.Empty(queue.Messages);
    }

    [Fact]
    public async Task A_message_never_holds_more_than_the_inline_limit()
    {
        var writer = Writer(parallelPuts: 1, maxInlineBytes: 2048);
        var blocker = writer.WriteAsync(Envelope("first"), default);
        var rest = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(Envelope(new string('x', 300) + i), default)).ToList();

        queue.Open();
        await Task.WhenAll(rest.Append(blocker));

        Assert.All(queue.Messages, m => Assert.True(Encoding.UTF8.GetByteCount(m) <= 2048, $"{Encoding.UTF8.GetByteCount(m)} bytes"));
        Assert.Equal(21, queue.Messages.SelectMany(IngestEnvelopeSerializer.Split).Count());
        Assert.True(queue.Messages.Count < 21, "deliveries were not combined");
    }

    [Fact]
    public async Task A_caller_that_gave_up_before_its_put_is_left_out()
    {
        var writer = Writer(parallelPuts: 1);
        var first = writer.WriteAsync(Envelope("a"), default);
        using var gaveUp = new CancellationTokenSource();
        var second = writer.WriteAsync(Envelope("b"), gaveUp.Token);
        var third = writer.WriteAsync(Envelope("c"), default);

        await gaveUp.CancelAsync();
        queue.Open();
        await Task.WhenAll(first, third);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal([Envelope("a"), Envelope("c")], queue.Messages);
    }

    private IngestQueueWriter Writer(int parallelPuts = 4, int maxInlineBytes = 45 * 1024) =>
        new(new SingleQueue(queue), Options.Create(new IngestOptions { MaxParallelEnqueues = parallelPuts, MaxInlineBytes = maxInlineBytes }));

    private static string Envelope(string body) =>
        IngestEnvelopeSerializer.Serialize(new IngestEnvelope("test", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), body));

    private sealed class SingleQueue(IMessageQueue queue) : IMessageQueueFactory
    {
        public IMessageQueue Get(string queueName) => queue;
    }

    /// <summary>A queue whose puts wait until the test releases them one by one (or opens the gate for all).</summary>
    private sealed class GatedQueue : IMessageQueue
    {
        private readonly ConcurrentQueue<string> messages = new();
        private readonly Channel<Exception?> permits = Channel.CreateUnbounded<Exception?>();
        private int puts;
        private volatile bool open;

        public IReadOnlyList<string> Messages => [.. messages];

        public string Name => "ingest";

        public void Open()
        {
            open = true;
            permits.Writer.TryWrite(null);
        }

        public void Release() => permits.Writer.TryWrite(null);

        public void Fail(Exception error) => permits.Writer.TryWrite(error);

        public async Task WaitForPutsAsync(int count)
        {
            while (Volatile.Read(ref puts) < count)
            {
                await Task.Yield();
            }
        }

        public async Task SendAsync(string text, TimeSpan? visibilityDelay, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref puts);
            if (!open && await permits.Reader.ReadAsync(cancellationToken) is { } error)
            {
                throw error;
            }

            messages.Enqueue(text);
        }

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
