using System.Diagnostics;
using ChurnFunctions.Core.Telemetry;
using System.Text;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Tests.Fakes;
using ChurnFunctions.Core.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class WebhookIntakeTests : IDisposable
{
    private static readonly Dictionary<string, string> Headers = new() { ["X-Topic"] = "orders/create", ["X-Signature"] = "sig", ["Other"] = "x" };
    private readonly RecordingQueues queues = new();
    private readonly InMemoryBlobStore blobs = new();
    private readonly FakeNormalizer normalizer = new();
    private readonly MetricRecorder recorder = new();

    [Fact]
    public async Task Accepts_a_valid_delivery_and_enqueues_the_raw_body_with_the_kept_headers()
    {
        var result = await Accept("{\"id\":1}");

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var envelope = IngestEnvelopeSerializer.Deserialize(queues.Sent(Triggers.Triggers.IngestQueue).Single());
        Assert.Equal("{\"id\":1}", envelope.Body);
        Assert.Equal("orders/create", envelope.Header("x-topic"));
        Assert.Null(envelope.Header("X-Signature"));
    }

    [Fact]
    public async Task An_accepted_delivery_counts_as_accepted_and_a_rejected_one_does_not()
    {
        await Accept("{\"id\":1}");
        normalizer.Signature = SignatureCheck.Invalid;
        await Accept("{\"id\":2}");

        Assert.Equal(1, recorder.Sum(ChurnMetrics.IngestAcceptedName, ("source", "test")));
    }

    [Fact]
    public async Task The_envelope_carries_the_trace_context_of_the_request_that_queued_it()
    {
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C);
        request.TraceStateString = "vendor=1";
        request.Start();

        await Accept("{\"id\":1}");
        request.Stop();

        var envelope = IngestEnvelopeSerializer.Deserialize(queues.Sent(Triggers.Triggers.IngestQueue).Single());
        Assert.NotNull(envelope.TraceParent);
        Assert.True(ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, out var context));
        Assert.Equal(request.TraceId, context.TraceId);
        Assert.Equal("vendor=1", envelope.TraceState);
    }

    [Theory]
    [InlineData(SignatureCheck.Missing)]
    [InlineData(SignatureCheck.Invalid)]
    public async Task Rejects_webhook_with_missing_or_bad_signature_and_enqueues_nothing(SignatureCheck check)
    {
        normalizer.Signature = check;

        var result = await Accept("{}");

        Assert.Equal(IntakeStatus.Unauthorized, result.Status);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
    }

    [Fact]
    public async Task Acknowledges_an_unsigned_ping_and_enqueues_nothing()
    {
        normalizer.Signature = SignatureCheck.UnsignedPing;

        var result = await Accept("webhook_id=3");

        Assert.Equal(IntakeStatus.Acknowledged, result.Status);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
    }

    [Fact]
    public async Task Rejects_a_wrong_content_type_before_checking_the_signature()
    {
        var result = await Accept("{}", "text/plain");

        Assert.Equal(IntakeStatus.UnsupportedMediaType, result.Status);
        Assert.Equal(0, normalizer.VerifyCalls);
    }

    [Fact]
    public async Task Accepts_a_content_type_with_a_charset()
    {
        Assert.Equal(IntakeStatus.Accepted, (await Accept("{}", "application/json; charset=utf-8")).Status);
    }

    [Fact]
    public async Task Rejects_a_body_over_the_limit()
    {
        var result = await Accept(new string('x', 1024 * 1024 + 1));

        Assert.Equal(IntakeStatus.TooLarge, result.Status);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
    }

    [Fact]
    public async Task Rejects_an_invalid_payload_with_its_field_errors_and_enqueues_nothing()
    {
        normalizer.OnNormalize = _ => NormalizationResult.Invalid("[0].total", "required");

        var result = await Accept("[{}]");

        Assert.Equal(IntakeStatus.Invalid, result.Status);
        Assert.Equal(["required"], result.Errors!["[0].total"]);
        Assert.Empty(queues.Sent(Triggers.Triggers.IngestQueue));
    }

    [Fact]
    public async Task A_body_too_large_for_a_queue_message_travels_by_claim_check()
    {
        var body = "{\"note\":\"" + new string('a', 60 * 1024) + "\"}";

        var result = await Accept(body);

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var envelope = IngestEnvelopeSerializer.Deserialize(queues.Sent(Triggers.Triggers.IngestQueue).Single());
        Assert.Null(envelope.Body);
        Assert.Equal(body, Encoding.UTF8.GetString(blobs.Blobs[$"{Triggers.Triggers.IngestBodiesContainer}/{envelope.BodyBlob}"]));
    }

    [Fact]
    public async Task Answers_unavailable_when_the_queue_cannot_be_reached()
    {
        queues.Fail = true;

        Assert.Equal(IntakeStatus.Unavailable, (await Accept("{}")).Status);
    }

    private Task<IntakeResult> Accept(string body, string contentType = "application/json")
    {
        var intake = new WebhookIntake(
            new SourceNormalizerRegistry([normalizer]), new IngestQueueWriter(queues, Options.Create(new IngestOptions())), blobs,
            Options.Create(new WebhookOptions()), Options.Create(new IngestOptions()),
            TimeProvider.System, recorder.Metrics, NullLogger<WebhookIntake>.Instance);
        return intake.AcceptAsync("test", contentType, Headers, Encoding.UTF8.GetBytes(body), default);
    }

    public void Dispose() => recorder.Dispose();
}
