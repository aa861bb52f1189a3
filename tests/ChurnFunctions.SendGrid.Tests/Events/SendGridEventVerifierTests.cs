using System.Text;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Events;
using ChurnFunctions.Testing;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SendGrid.Tests.Events;

public sealed class SendGridEventVerifierTests : IDisposable
{
    private const string Timestamp = "1767225600"; // 2026-01-01T00:00:00Z, the manual clock's start
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """[{"email":"ada@customer.example","timestamp":1767225590,"event":"delivered","sg_event_id":"e1","sg_message_id":"m1.filter.0","send_id":"s-1"}]""");

    private readonly SendGridWebhookSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Signature_over_timestamp_and_body_verifies()
    {
        var signature = _signer.Sign(Timestamp, Body);

        Assert.True(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, signature, Timestamp, Body));
    }

    [Fact]
    public void Sendgrids_published_sample_verifies()
    {
        // The key, signature, timestamp and payload from SendGrid's own Event Webhook SDK tests.
        const string PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
        const string Signature = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";
        var payload = """{"category":"example_payload","event":"test_event","message_id":"message_id"}"""u8;

        Assert.True(SendGridEventVerifier.Verify(PublicKey, Signature, "1588788367", payload));
        Assert.False(SendGridEventVerifier.Verify(PublicKey, Signature, "1588788368", payload));
    }

    [Fact]
    public void Tampered_body_fails()
    {
        var signature = _signer.Sign(Timestamp, Body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("delivered", "bounce", StringComparison.Ordinal));

        Assert.False(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, signature, Timestamp, tampered));
    }

    [Fact]
    public void Tampered_timestamp_fails()
    {
        var signature = _signer.Sign(Timestamp, Body);

        Assert.False(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, signature, "1767225601", Body));
    }

    [Fact]
    public void Signature_from_another_key_fails()
    {
        using var other = new SendGridWebhookSigner();
        var signature = other.Sign(Timestamp, Body);

        Assert.False(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, signature, Timestamp, Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void Missing_or_malformed_signature_fails(string? signature)
    {
        Assert.False(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, signature, Timestamp, Body));
    }

    [Fact]
    public void Large_body_verifies()
    {
        var large = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("""{"event":"open"}""", 20_000)) + "]");

        Assert.True(SendGridEventVerifier.Verify(_signer.PublicKeyBase64, _signer.Sign(Timestamp, large), Timestamp, large));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bm90IGEga2V5")]
    public void Malformed_public_key_is_a_configuration_error(string publicKey)
    {
        Assert.Throws<ArgumentException>(() => SendGridEventVerifier.Verify(publicKey, "AAAA", Timestamp, Body));
        Assert.False(SendGridEventVerifier.IsValidPublicKey(publicKey));
    }

    [Fact]
    public void Configured_verifier_refuses_everything_without_a_key()
    {
        var verifier = Verifier(publicKey: null, maxAge: null, new ManualTimeProvider());

        Assert.False(verifier.Verify(_signer.Sign(Timestamp, Body), Timestamp, Body));
    }

    [Fact]
    public void Configured_verifier_without_max_age_accepts_an_old_timestamp()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var verifier = Verifier(_signer.PublicKeyBase64, maxAge: null, clock);

        Assert.True(verifier.Verify(_signer.Sign(Timestamp, Body), Timestamp, Body));
    }

    [Fact]
    public void Configured_verifier_with_max_age_refuses_a_stale_timestamp()
    {
        var clock = new ManualTimeProvider();
        var verifier = Verifier(_signer.PublicKeyBase64, TimeSpan.FromMinutes(10), clock);
        var signature = _signer.Sign(Timestamp, Body);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(verifier.Verify(signature, Timestamp, Body));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(verifier.Verify(signature, Timestamp, Body));
        Assert.False(verifier.Verify(signature, "not-a-number", Body));
    }

    private static SendGridEventVerifier Verifier(string? publicKey, TimeSpan? maxAge, TimeProvider clock) =>
        new(Options.Create(new SendGridOptions { EventWebhookPublicKey = publicKey, EventWebhookMaxAge = maxAge }), clock);
}
