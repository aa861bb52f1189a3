using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class WebhookOptionsPhoneRegionTests
{
    [Theory]
    [InlineData("IT", null, "IT")]
    [InlineData("gb", "1", "GB")]
    [InlineData(null, "39", "IT")]
    [InlineData("", "1", "US")]
    [InlineData(null, null, null)]
    public void Default_region_wins_and_the_old_calling_code_setting_still_names_its_main_region(string? region, string? callingCode, string? expected)
    {
        Assert.Equal(expected, new WebhookOptions { DefaultRegion = region, DefaultCountryCode = callingCode }.PhoneRegion);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("USA")]
    [InlineData("44")]
    public void A_region_without_a_numbering_plan_fails_validation_naming_the_setting(string region)
    {
        var options = new WebhookOptions { DefaultRegion = region };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(WebhookOptions.DefaultRegion)));
    }

    [Fact]
    public void A_blank_region_as_a_template_deploys_it_is_unset()
    {
        var options = new WebhookOptions { DefaultRegion = " " };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }
}
