using System.ComponentModel.DataAnnotations;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.SendGrid.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.SendGrid;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SendGridOptions"/> from the "SendGrid" section (validated on start) and the
    /// <see cref="SendGridEventVerifier"/>. Only when an API key is configured does it also register the "SendGrid"
    /// <see cref="HttpClient"/> and <see cref="SendGridEmailSender"/> as the <see cref="IEmailSender"/>, replacing any
    /// earlier registration; without a key nothing is registered for <see cref="IEmailSender"/>, so the host's
    /// fallback (the outbox) stays in place.
    /// </summary>
    public static IServiceCollection AddSendGrid(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SendGridOptions.SectionName);
        services.AddOptions<SendGridOptions>()
            .Bind(section)
            .ValidateSettings(SendGridOptions.SectionName)
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.FromEmail),
                $"{SendGridOptions.SectionName}:FromEmail is required when {SendGridOptions.SectionName}:ApiKey is set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.FromEmail) || new EmailAddressAttribute().IsValid(o.FromEmail),
                $"{SendGridOptions.SectionName}:FromEmail is not an email address.")
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                $"{SendGridOptions.SectionName}:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RetryBaseDelay >= TimeSpan.Zero && o.MaxRetryAfter >= TimeSpan.Zero,
                $"{SendGridOptions.SectionName}: Timeout must be positive, RetryBaseDelay and MaxRetryAfter not negative.")
            .Validate(o => o.EventWebhookMaxAge is null || o.EventWebhookMaxAge > TimeSpan.Zero,
                $"{SendGridOptions.SectionName}:EventWebhookMaxAge must be positive when set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.EventWebhookPublicKey) || SendGridEventVerifier.IsValidPublicKey(o.EventWebhookPublicKey),
                $"{SendGridOptions.SectionName}:EventWebhookPublicKey is not a base64 DER ECDSA P-256 public key.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendGridEventVerifier>();

        if (section.Get<SendGridOptions>() is not { IsConfigured: true })
        {
            return services;
        }

        // The sender applies its own per-attempt timeout (on the injected TimeProvider) inside the retries.
        services.AddHttpClient(SendGridEmailSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<SendGridEmailSender>();
        services.Replace(ServiceDescriptor.Singleton<IEmailSender>(sp => sp.GetRequiredService<SendGridEmailSender>()));
        return services;
    }
}
