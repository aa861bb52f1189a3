using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class ApiKeyCheckTests
{
    private const string Key = "pos-key-0123456789abcdef";

    [Fact]
    public void Matches_an_equal_key_among_several()
    {
        Assert.True(ApiKeyCheck.Matches(Key, ["other-key-0123456789", Key]));
    }

    [Theory]
    [InlineData("pos-key-0123456789abcdeF")] // same length, last character differs
    [InlineData("pos-key-0123456789abcde")] // a prefix of the key
    [InlineData("pos-key-0123456789abcdef0")] // the key and one more character
    [InlineData("x")]
    [InlineData("")]
    public void Refuses_an_unequal_key_of_any_length(string presented)
    {
        Assert.False(ApiKeyCheck.Matches(presented, [Key]));
    }

    [Fact]
    public void Refuses_every_key_when_none_is_configured()
    {
        Assert.False(ApiKeyCheck.Matches(Key, []));
        Assert.Equal(SignatureCheck.Invalid, ApiKeyCheck.Check([], new Dictionary<string, string> { [ApiKeyCheck.HeaderName] = Key }));
    }

    [Fact]
    public void Tells_a_missing_header_from_a_wrong_key()
    {
        Assert.Equal(SignatureCheck.Missing, ApiKeyCheck.Check([Key], new Dictionary<string, string>()));
        Assert.Equal(SignatureCheck.Invalid, ApiKeyCheck.Check([Key], new Dictionary<string, string> { [ApiKeyCheck.HeaderName] = "wrong" }));
        Assert.Equal(SignatureCheck.Valid, ApiKeyCheck.Check([Key], new Dictionary<string, string> { [ApiKeyCheck.HeaderName] = $" {Key} " }));
    }
}
