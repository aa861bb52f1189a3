using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Engagement;

namespace ChurnFunctions.Core.Tests.Engagement;

public sealed class FeedbackOptionsTests
{
    private static List<ValidationResult> Validate(FeedbackOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-signing-key-of-at-least-32-characters")]
    public void Accepts_an_unset_empty_or_long_enough_signing_key(string? key) =>
        Assert.Empty(Validate(new FeedbackOptions { SigningKey = key }));

    [Fact]
    public void Rejects_a_short_signing_key_naming_the_setting()
    {
        var error = Assert.Single(Validate(new FeedbackOptions { SigningKey = "too-short" }));

        Assert.Contains("Feedback:SigningKey", error.ErrorMessage, StringComparison.Ordinal);
    }
}
