using ChurnFunctions.Api.Telemetry;

namespace ChurnFunctions.SelfHost.Tests.Hosting;

public sealed class TelemetryUrlsTests
{
    [Theory]
    // A lookup's query goes whole.
    [InlineData("http://127.0.0.1:7071/api/customers?email=ada%40example.com", "http://127.0.0.1:7071/api/customers")]
    // Storage: the table stays, the entity's keys (an identity is an email or phone) do not.
    [InlineData(
        "http://127.0.0.1:10002/devstoreaccount1/identities(PartitionKey='email%3Aada%40example.com',RowKey='')",
        "http://127.0.0.1:10002/devstoreaccount1/identities(Redacted)")]
    [InlineData("https://acct.table.core.windows.net/$batch", "https://acct.table.core.windows.net/$batch")]
    [InlineData("https://acct.table.core.windows.net/%24batch", "https://acct.table.core.windows.net/$batch")]
    [InlineData("https://acct.queue.core.windows.net/ingest/messages?numofmessages=16", "https://acct.queue.core.windows.net/ingest/messages")]
    [InlineData("https://acct.blob.core.windows.net/ingest-bodies/shopify/2024/03/14/0f8e", "https://acct.blob.core.windows.net/ingest-bodies/shopify/Redacted/Redacted/Redacted/Redacted")]
    // Providers: a phone number in a path, an email as a segment.
    [InlineData("https://lookups.twilio.com/v2/PhoneNumbers/%2B15551234567", "https://lookups.twilio.com/v2/PhoneNumbers/Redacted")]
    [InlineData("https://api.example.com/people/ada@example.com/x", "https://api.example.com/people/Redacted/x")]
    [InlineData("https://api.sendgrid.com/v3/mail/send", "https://api.sendgrid.com/v3/mail/send")]
    public void Keeps_names_and_drops_the_query_and_every_segment_that_is_not_a_name(string url, string expected) =>
        Assert.Equal(expected, TelemetryUrls.Redact(url));

    [Theory]
    [InlineData("/api/customers/ada@example.com/score", "/api/customers/Redacted/score")]
    [InlineData("/api/customers?phone=%2B15551234567", "/api/customers")]
    [InlineData("/api/customers/c0a1b2/score", "/api/customers/c0a1b2/score")]
    public void Redacts_a_server_path_the_same_way(string path, string expected) =>
        Assert.Equal(expected, TelemetryUrls.RedactPath(path));

    [Fact]
    public void Keeps_null_as_null() => Assert.Null(TelemetryUrls.Redact(null));
}
