using ChurnFunctions.Storage.Tables;

namespace ChurnFunctions.Storage.Tests.Unit;

public sealed class KeyEncoderTests
{
    [Theory]
    [InlineData("email:a.b@c.de")]
    [InlineData("phone:+15551234567")]
    [InlineData("shopify:207119551")]
    public void Readable_keys_stay_as_they_are(string key) => Assert.Equal(key, KeyEncoder.Encode(key));

    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("tab\there\u0001")]
    [InlineData("pipe|quote'space ~tilde%")]
    [InlineData("ünïcødé 😀")]
    [InlineData("")]
    public void Encoding_removes_forbidden_characters_and_round_trips(string key)
    {
        var encoded = KeyEncoder.Encode(key);

        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or '|' or '\'' || char.IsControl(c) || c > 127);
        Assert.Equal(key, KeyEncoder.Decode(encoded));
    }

    [Fact]
    public void Escape_uses_tilde_and_utf8_hex()
    {
        Assert.Equal("a~2Fb~7Cc~7E", KeyEncoder.Encode("a/b|c~"));
    }

    [Fact]
    public void Decoding_an_incomplete_escape_fails()
    {
        Assert.Throws<FormatException>(() => KeyEncoder.Decode("abc~4"));
    }
}
