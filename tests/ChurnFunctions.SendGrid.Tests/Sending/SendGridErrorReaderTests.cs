using System.Text;
using ChurnFunctions.SendGrid.Sending;

namespace ChurnFunctions.SendGrid.Tests.Sending;

public sealed class SendGridErrorReaderTests
{
    [Fact]
    public void Errors_body_is_read_and_described_with_addresses_redacted()
    {
        var body = """{"errors":[{"message":"Each unique email address in the personalizations array should only be included once. You have included ada@customer.example more than once.","field":"personalizations.0.to","help":null},{"message":"Bad","field":null,"help":{"url":"x"}}]}""";

        var errors = SendGridErrorReader.Read(Encoding.UTF8.GetBytes(body));
        var detail = SendGridErrorReader.Describe(400, errors);

        Assert.Equal(2, errors.Count);
        Assert.Equal(
            "HTTP 400: personalizations.0.to: Each unique email address in the personalizations array should only be included once. You have included [address] more than once.; Bad",
            detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"message":"no errors array"}""")]
    public void Body_that_is_not_an_errors_object_gives_the_status_alone(string body)
    {
        var errors = SendGridErrorReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Empty(errors);
        Assert.Equal("HTTP 502", SendGridErrorReader.Describe(502, errors));
    }

    [Theory]
    [InlineData("personalizations.0.to.0.email", true)]
    [InlineData("personalizations.3.to.12.email", true)]
    [InlineData("from.email", false)]
    [InlineData("personalizations.0.to", false)]
    [InlineData("content.0.value", false)]
    public void Only_a_recipient_email_field_means_invalid_recipient(string field, bool expected)
    {
        Assert.Equal(expected, SendGridErrorReader.NamesInvalidRecipient([new SendGridError("Does not contain a valid address.", field, null)]));
    }
}
