using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Engagement;

/// <summary>Settings and seeding shared by the engagement tests: provider secrets, and customers written straight through the ports.</summary>
internal static class EngagementHost
{
    public const string TwilioToken = "twilio-integration-auth-token";
    public const string PublicBaseUrl = "https://churn.example.com";
    public const string FeedbackKey = "feedback-integration-signing-key-0123456789";

    public static Task<SelfHostRunner> StartAsync(string storage, string? sendGridPublicKey, bool twilio = true) =>
        SelfHostRunner.StartAsync(storage, listenToQueues: false, settings: new Dictionary<string, string?>
        {
            ["SendGrid:EventWebhookPublicKey"] = sendGridPublicKey,
            ["Twilio:AuthToken"] = twilio ? TwilioToken : null,
            ["Twilio:PublicBaseUrl"] = twilio ? PublicBaseUrl : null,
            ["Feedback:SigningKey"] = FeedbackKey,
        });

    public static async Task SeedAsync(SelfHostRunner host, string id, string? email = null, string? phone = null, params ConsentRecord[] consents)
    {
        var store = host.Services.GetRequiredService<ICustomerStore>();
        var index = host.Services.GetRequiredService<IIdentityIndex>();
        Assert.Equal(WriteOutcome.Written, await store.SaveAsync(new CustomerRecord { Id = id, Email = email, Phone = phone, Consents = consents }, null, default));
        if (email is not null)
        {
            await index.ClaimAsync(IdentityKeys.ForEmail(email), id, default);
        }

        if (phone is not null)
        {
            await index.ClaimAsync(IdentityKeys.ForPhone(phone), id, default);
        }
    }

    public static async Task<ConsentRecord?> ConsentAsync(SelfHostRunner host, string id, MessageChannel channel) =>
        (await host.Services.GetRequiredService<ICustomerStore>().GetAsync(id, default))!.Value.Consents.SingleOrDefault(c => c.Channel == channel);
}
