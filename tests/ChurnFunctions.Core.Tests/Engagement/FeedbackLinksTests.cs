using ChurnFunctions.Core.Engagement;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class FeedbackLinksTests
{
    private const string Key = "feedback-signing-key-for-tests-0123456789";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-06-01T12:00:00Z");

    [Fact]
    public void A_created_token_verifies_to_its_customer()
    {
        var links = Links();
        var token = links.Create("shopify:42|odd", Now.AddDays(7));

        var check = links.Verify(token);

        Assert.Equal(FeedbackTokenStatus.Valid, check.Status);
        Assert.Equal("shopify:42|odd", check.CustomerId);
        Assert.Equal(Now.AddDays(7), check.ExpiresAt);
    }

    [Fact]
    public void A_tampered_payload_or_signature_fails_the_signature()
    {
        var links = Links();
        var token = links.Create("c1", Now.AddDays(7));
        var other = links.Create("c2", Now.AddDays(7));
        var swapped = other.Split('.')[0] + "." + token.Split('.')[1];
        var flipped = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.Equal(FeedbackTokenStatus.BadSignature, links.Verify(swapped).Status);
        Assert.Equal(FeedbackTokenStatus.BadSignature, links.Verify(flipped).Status);
        Assert.Equal(FeedbackTokenStatus.BadSignature, Links("another-key-that-is-long-enough-000000").Verify(token).Status);
    }

    [Fact]
    public void An_expired_token_is_expired()
    {
        var links = Links();
        Assert.Equal(FeedbackTokenStatus.Expired, links.Verify(links.Create("c1", Now)).Status);
        Assert.Equal(FeedbackTokenStatus.Expired, links.Verify(links.Create("c1", Now.AddSeconds(-1))).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    [InlineData("YzE.c2ln")]
    public void Malformed_tokens_are_malformed(string? token) =>
        Assert.Equal(FeedbackTokenStatus.Malformed, Links().Verify(token).Status);

    [Fact]
    public void Without_a_key_nothing_verifies_and_no_link_can_be_made()
    {
        var token = Links().Create("c1", Now.AddDays(1));
        var unconfigured = Links(null);

        Assert.Equal(FeedbackTokenStatus.NotConfigured, unconfigured.Verify(token).Status);
        Assert.Throws<InvalidOperationException>(() => unconfigured.Create("c1", Now.AddDays(1)));
    }

    [Fact]
    public void The_default_lifetime_applies_from_now()
    {
        var links = Links();
        Assert.Equal(Now.AddDays(30), links.Verify(links.Create("c1")).ExpiresAt);
    }

    internal static FeedbackLinks Links(string? key = Key) =>
        new(Options.Create(new FeedbackOptions { SigningKey = key }), new EngagementRig.FixedClock(Now));
}
