using ChurnFunctions.Core.Domain;

namespace ChurnFunctions.Core.Tests.Customers;

/// <summary>
/// Vectors for phone identities. The expected E.164 forms follow each country's published numbering plan (fictional
/// or reserved-for-drama ranges where a country has one), not this code.
/// </summary>
public sealed class PhoneIdentityTests
{
    [Theory]
    // US: national with punctuation, with the trunk 1, and international.
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("1-201-555-0123", "US", "+12015550123")]
    [InlineData("+1 201 555 0123", "GB", "+12015550123")]
    // GB: the trunk 0 is dropped (it is not part of the number); 00 is the international prefix.
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("07700 900123", "GB", "+447700900123")]
    [InlineData("0044 20 7946 0958", "GB", "+442079460958")]
    // IT: the leading 0 of a landline is part of the number and stays.
    [InlineData("06 1234 5678", "IT", "+390612345678")]
    [InlineData("+39 06 1234 5678", "US", "+390612345678")]
    [InlineData("312 345 6789", "IT", "+393123456789")]
    // FR, DE, AU: trunk 0 dropped.
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    [InlineData("030 12345678", "DE", "+493012345678")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("(02) 9876 5432", "AU", "+61298765432")]
    // An extension is not part of the identity.
    [InlineData("+1 201-555-0123 ext. 42", null, "+12015550123")]
    [InlineData("020 7946 0958 x123", "GB", "+442079460958")]
    // The region is read case-insensitively.
    [InlineData("06 1234 5678", "it", "+390612345678")]
    public void Numbers_become_e164_in_the_default_region(string raw, string? region, string expected)
    {
        Assert.Equal(expected, PhoneIdentity.ToE164(raw, region));
    }

    [Theory]
    [InlineData(null, "US")]
    [InlineData("", "US")]
    [InlineData("   ", "GB")]
    [InlineData("not a phone", "US")]
    [InlineData("12", "US")]
    [InlineData("+999 1234 5678", "US")]
    [InlineData("555-CALL-NOW-PLEASE-NOW-NOW", "US")]
    [InlineData("+1 201 555 0123 4567 8901 2345", "US")]
    // Without a region only numbers that carry their country code are numbers.
    [InlineData("020 7946 0958", null)]
    [InlineData("020 7946 0958", "XX")]
    public void Garbage_is_no_phone_identity_and_no_error(string? raw, string? region)
    {
        Assert.Null(PhoneIdentity.ToE164(raw, region));
    }

    [Fact]
    public void An_italian_landline_is_not_merged_with_the_number_the_old_rule_made_of_it()
    {
        // The old rule dropped the 0 of "06 1234 5678" (+39612345678); that is also how "6 1234 5678" reads.
        Assert.NotEqual(PhoneIdentity.ToE164("6 1234 5678", "IT"), PhoneIdentity.ToE164("06 1234 5678", "IT"));
    }

    [Theory]
    [InlineData("+390612345678", "+39612345678")]
    [InlineData("+3906123456", "+396123456")]
    public void Legacy_form_is_what_the_old_rule_stored_for_a_national_number_with_a_leading_zero(string e164, string legacy)
    {
        Assert.Equal(legacy, PhoneIdentity.LegacyForm(e164));
    }

    [Theory]
    [InlineData("+12015550123")]
    [InlineData("+442079460958")]
    [InlineData("+393123456789")]
    [InlineData("+61412345678")]
    public void Numbers_both_rules_agree_on_have_no_legacy_form(string e164)
    {
        Assert.Null(PhoneIdentity.LegacyForm(e164));
    }

    [Theory]
    [InlineData("1", "US")]
    [InlineData("44", "GB")]
    [InlineData("39", "IT")]
    [InlineData("61", "AU")]
    [InlineData("999", null)]
    [InlineData("+44", null)]
    [InlineData(null, null)]
    public void Calling_code_of_the_old_setting_maps_to_its_main_region(string? callingCode, string? region)
    {
        Assert.Equal(region, PhoneIdentity.RegionOfCallingCode(callingCode));
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("gb", true)]
    [InlineData(" IT ", true)]
    [InlineData("XX", false)]
    [InlineData("USA", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public void Supported_regions_are_iso_codes_with_a_numbering_plan(string region, bool supported)
    {
        Assert.Equal(supported, PhoneIdentity.IsSupportedRegion(region));
    }
}
