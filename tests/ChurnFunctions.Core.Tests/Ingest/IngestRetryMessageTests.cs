using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class IngestRetryMessageTests
{
    private const string Envelope = """{"source":"shopify","receivedAt":"2024-01-01T00:00:00+00:00","headers":{},"body":"{\"id\":1}"}""";

    [Fact]
    public void A_retry_keeps_its_attempt_count_and_the_deliveries_text_for_text()
    {
        var written = new IngestRetryMessage(3, [Envelope, Envelope]).Write();

        var read = IngestRetryMessage.Read(written);

        Assert.Equal(3, read.AttemptsMade);
        Assert.Equal([Envelope, Envelope], read.Deliveries);
    }

    [Fact]
    public void A_first_delivery_has_had_no_attempts_before()
    {
        var read = IngestRetryMessage.Read(Envelope);

        Assert.Equal((0, Envelope), (read.AttemptsMade, Assert.Single(read.Deliveries)));
    }

    [Theory]
    [InlineData("""{"attemptsMade":-1,"deliveries":[{}]}""")]
    [InlineData("""{"attemptsMade":"two","deliveries":[{}]}""")]
    [InlineData("""{"attemptsMade":2}""")]
    [InlineData("""{"attemptsMade":2,"deliveries":[""")]
    public void A_malformed_retry_is_an_invalid_message(string text) =>
        Assert.Throws<InvalidIngestMessageException>(() => IngestRetryMessage.Read(text));

    [Fact]
    public void Options_refuse_a_max_retry_delay_below_the_first()
    {
        var options = new IngestOptions { RetryDelay = TimeSpan.FromMinutes(2), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(nameof(IngestOptions.MaxRetryDelay), Assert.Single(errors).MemberNames);
    }
}
