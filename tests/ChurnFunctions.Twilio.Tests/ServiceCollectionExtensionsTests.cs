using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChurnFunctions.Twilio.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    [Fact]
    public void Unconfigured_twilio_registers_nothing_so_the_outbox_stays()
    {
        var outbox = Mock.Of<ISmsSender>();
        var services = new ServiceCollection().AddSingleton(outbox);

        services.AddTwilio(Configuration(("Twilio:AccountSid", "AC1"), ("Twilio:AuthToken", "t")));

        using var provider = services.BuildServiceProvider();
        Assert.Same(outbox, provider.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public void Configured_twilio_replaces_the_fallback_sender_with_bound_options()
    {
        var services = new ServiceCollection().AddSingleton(Mock.Of<ISmsSender>()).AddLogging();

        services.AddTwilio(Configuration(
            ("Twilio:AccountSid", "AC1"),
            ("Twilio:AuthToken", "t"),
            ("Twilio:FromNumber", "+15005550006"),
            ("Twilio:MaxRetries", "5"),
            ("Twilio:PublicBaseUrl", "https://churn.example.com")));

        using var provider = services.BuildServiceProvider();
        Assert.IsType<TwilioSmsSender>(provider.GetRequiredService<ISmsSender>());
        Assert.Single(provider.GetServices<ISmsSender>());
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TwilioOptions>>().Value;
        Assert.Equal((5, "https://churn.example.com/"), (options.MaxRetries, options.PublicBaseUrl!.AbsoluteUri));
    }

    [Fact]
    public void Invalid_settings_fail_validation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTwilio(Configuration(
            ("Twilio:AccountSid", "AC1"), ("Twilio:AuthToken", "t"), ("Twilio:FromNumber", "+1"), ("Twilio:MaxRetries", "99")));

        using var provider = services.BuildServiceProvider();
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<ISmsSender>());
    }
}
