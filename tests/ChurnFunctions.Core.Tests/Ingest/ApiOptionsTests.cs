using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Ingest;

public sealed class ApiOptionsTests
{
    private const string KeyA = "key-a-0123456789abcdef";
    private const string KeyB = "key-b-0123456789abcdef";

    [Fact]
    public void Keys_are_read_from_the_comma_form()
    {
        var options = Bind(new() { ["Api:Keys"] = $"{KeyA}, {KeyB}" });

        Assert.Equal([KeyA, KeyB], options.Keys);
    }

    [Fact]
    public void Keys_are_read_from_the_array_form_for_every_scope()
    {
        var options = Bind(new()
        {
            ["Api:Keys:0"] = KeyA,
            ["Api:Keys:1"] = KeyB,
            ["Api:ReadKeys:0"] = KeyB,
            ["Api:AdminKeys:0"] = KeyA,
        });

        Assert.Equal([KeyA, KeyB], options.KeysFor(ApiKeyScope.Ingest));
        Assert.Equal([KeyB], options.KeysFor(ApiKeyScope.Read));
        Assert.Equal([KeyA], options.KeysFor(ApiKeyScope.Admin));
    }

    [Fact]
    public void Empty_settings_from_a_deployed_template_count_as_unset()
    {
        var options = Bind(new() { ["Api:Keys"] = KeyA, ["Api:ReadKeys"] = "", ["Api:AdminKeys"] = " ", ["Api:Keys:0"] = "" });

        Assert.Equal([KeyA], options.Keys);
        Assert.Equal([KeyA], options.KeysFor(ApiKeyScope.Read));
        Assert.Empty(options.KeysFor(ApiKeyScope.Admin));
    }

    [Fact]
    public void Admin_routes_take_no_other_scope_s_keys_while_admin_keys_are_unset()
    {
        var options = Bind(new() { ["Api:Keys"] = KeyA, ["Api:ReadKeys"] = KeyB });

        Assert.Empty(options.KeysFor(ApiKeyScope.Admin));
    }

    [Theory]
    [InlineData("Api:Keys", "Api:Keys (Api__Keys)")]
    [InlineData("Api:ReadKeys:0", "Api:ReadKeys (Api__ReadKeys)")]
    [InlineData("Api:AdminKeys:1", "Api:AdminKeys (Api__AdminKeys)")]
    public void A_short_key_is_refused_naming_its_setting_but_not_the_key(string setting, string named)
    {
        var options = Bind(new() { ["Api:Keys"] = KeyA, [setting] = "short-key" });

        var result = new SettingsValidation<ApiOptions>(Options.DefaultName, ApiOptions.SectionName).Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
        Assert.Contains($"at least {ApiOptions.MinKeyLength} characters", result.FailureMessage);
        Assert.DoesNotContain("short-key", result.FailureMessage);
    }

    private static ApiOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ApiOptions();
        ApiKeyList.Bind(configuration.GetSection(ApiOptions.SectionName), options);
        return options;
    }
}
