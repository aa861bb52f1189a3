using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Engagement;
using Microsoft.Extensions.Options;

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
        var options = new FeedbackOptions { SigningKey = "too-short" };
        Assert.Equal([nameof(FeedbackOptions.SigningKey)], Assert.Single(Validate(options)).MemberNames);

        var result = new SettingsValidation<FeedbackOptions>(Options.DefaultName, FeedbackOptions.SectionName).Validate(Options.DefaultName, options);

        Assert.Contains("Feedback:SigningKey (Feedback__SigningKey)", result.FailureMessage, StringComparison.Ordinal);
    }
}
