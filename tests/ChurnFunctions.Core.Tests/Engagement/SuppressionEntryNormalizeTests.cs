using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;

namespace ChurnFunctions.Core.Tests.Engagement;

/// <summary>A suppressed phone is keyed the way identities are, so a STOP matches however the number was written.</summary>
public sealed class SuppressionEntryNormalizeTests
{
    [Theory]
    [InlineData(" +15551234567 ", "+15551234567")]
    [InlineData("+1 (201) 555-0123", "+12015550123")]
    [InlineData("+39 06 1234 5678", "+390612345678")]
    [InlineData("no number", "no number")]
    public void Phone_is_keyed_as_e164(string address, string expected)
    {
        Assert.Equal(expected, SuppressionEntry.Normalize(MessageChannel.Sms, address));
    }

    [Fact]
    public void Email_is_trimmed_and_lower_cased()
    {
        Assert.Equal("ada@example.com", SuppressionEntry.Normalize(MessageChannel.Email, " Ada@Example.com "));
    }
}
