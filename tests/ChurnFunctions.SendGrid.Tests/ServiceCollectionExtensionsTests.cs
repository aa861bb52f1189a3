using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Fakes.SendGrid;
using ChurnFunctions.SendGrid.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SendGrid.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_an_api_key_no_email_sender_is_registered()
    {
        using var provider = Build(new() { ["SendGrid:FromEmail"] = "winback@shop.example" });

        Assert.Null(provider.GetService<IEmailSender>());
        Assert.False(provider.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured);
        Assert.NotNull(provider.GetService<SendGridEventVerifier>());
    }

    [Fact]
    public void With_an_api_key_the_sendgrid_sender_is_the_email_sender()
    {
        using var provider = Build(new() { ["SendGrid:ApiKey"] = "SG.x", ["SendGrid:FromEmail"] = "winback@shop.example" });

        Assert.IsType<SendGridEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.True(provider.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void Defaults_point_at_sendgrid_with_three_retries()
    {
        using var provider = Build([]);
        var options = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;

        Assert.Equal(new Uri("https://api.sendgrid.com"), options.BaseUrl);
        Assert.Equal(3, options.MaxRetries);
        Assert.Null(options.EventWebhookMaxAge);
    }

    [Fact]
    public void Api_key_without_from_email_fails_validation()
    {
        using var provider = Build(new() { ["SendGrid:ApiKey"] = "SG.x" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);
        Assert.Contains("FromEmail is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_settings_as_a_template_deploys_them_pass_validation()
    {
        using var provider = Build(new() { ["SendGrid:ApiKey"] = "", ["SendGrid:FromEmail"] = "", ["SendGrid:EventWebhookPublicKey"] = "" });

        Assert.False(provider.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void Malformed_from_email_fails_validation()
    {
        using var provider = Build(new() { ["SendGrid:FromEmail"] = "not-an-address" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);
        Assert.Contains("FromEmail is not an email address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_webhook_public_key_fails_validation()
    {
        using var provider = Build(new() { ["SendGrid:EventWebhookPublicKey"] = "bm90IGEga2V5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);
        Assert.Contains("EventWebhookPublicKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_webhook_public_key_passes_validation()
    {
        using var signer = new SendGridWebhookSigner();
        using var provider = Build(new() { ["SendGrid:EventWebhookPublicKey"] = signer.PublicKeyBase64, ["SendGrid:EventWebhookMaxAge"] = "00:10:00" });

        Assert.Equal(TimeSpan.FromMinutes(10), provider.GetRequiredService<IOptions<SendGridOptions>>().Value.EventWebhookMaxAge);
    }

    [Fact]
    public void Sendgrid_replaces_an_earlier_email_sender_registration()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IEmailSender>(new Moq.Mock<IEmailSender>().Object);

        services.AddSendGrid(Configuration(new() { ["SendGrid:ApiKey"] = "SG.x", ["SendGrid:FromEmail"] = "winback@shop.example" }));

        using var provider = services.BuildServiceProvider();
        Assert.IsType<SendGridEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Single(services, d => d.ServiceType == typeof(IEmailSender));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddSendGrid(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
