using ChurnFunctions.Storage.Privacy;

namespace ChurnFunctions.Storage.Tests.Unit.Privacy;

public sealed class StorageCustomerDataTests
{
    [Theory]
    [InlineData("shopify:123", "shopify:123", true)]
    [InlineData("identity shopify:1234", "shopify:123", false)]
    [InlineData("xa@example.com", "a@example.com", false)]
    [InlineData("<a@example.com>", "a@example.com", true)]
    [InlineData("\"+15550001111\"", "+15550001111", true)]
    [InlineData("+155500011112", "+15550001111", false)]
    [InlineData("Ada Lovelace\\u003Ca@example.com\\u003E", "a@example.com", true)]
    [InlineData("line\\nAda Lovelace", "Ada Lovelace", true)]
    [InlineData("A@EXAMPLE.COM", "a@example.com", true)]
    public void A_value_matches_only_as_a_whole_token(string text, string needle, bool matches) =>
        Assert.Equal(matches, StorageCustomerData.IndexOfToken(text, needle, 0) >= 0);
}
