using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Twilio;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TwilioOptions"/> from "Twilio" and, only when the section is configured (account, token and a
    /// Messaging Service or number), registers <see cref="TwilioSmsSender"/> as the <see cref="ISmsSender"/>, replacing
    /// any fallback registered before. When it is not configured nothing is registered, so the host's outbox stays.
    /// Options are validated on start.
    /// </summary>
    public static IServiceCollection AddTwilio(
        this IServiceCollection services, IConfiguration configuration, Action<TwilioOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(TwilioOptions.SectionName);
        var probe = section.Get<TwilioOptions>() ?? new TwilioOptions();
        configure?.Invoke(probe);
        if (!probe.IsConfigured)
        {
            return services;
        }

        services.AddOptions<TwilioOptions>()
            .Bind(section)
            .Configure(options => configure?.Invoke(options))
            .ValidateSettings(TwilioOptions.SectionName)
            .Validate(o => o.IsConfigured, "Twilio:AccountSid, Twilio:AuthToken and Twilio:MessagingServiceSid or Twilio:FromNumber are all needed to send SMS.")
            .Validate(o => o.BaseUrl.IsAbsoluteUri && (o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri), "Twilio:BaseUrl and Twilio:PublicBaseUrl (Twilio__PublicBaseUrl) must be absolute URLs.")
            .Validate(o => o.Timeout >= TimeSpan.FromMilliseconds(10), "Twilio:Timeout (Twilio__Timeout) must be at least 10 ms.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay, "Twilio:RetryBaseDelay must not be negative nor above Twilio:MaxRetryDelay.")
            .Validate(o => o.RecoveryClockSkew >= TimeSpan.Zero, "Twilio:RecoveryClockSkew must not be negative.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // The SDK's TwilioRestClient sends over this client: the call context (cancellation, status, Retry-After) and,
        // when BaseUrl is not api.twilio.com, the host rewrite sit under it. The sender times each attempt itself.
        services.AddHttpClient(TwilioSmsSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(TwilioHttp.CreatePrimaryHandler)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                foreach (var handler in TwilioHttp.CreateDelegatingHandlers(sp.GetRequiredService<IOptions<TwilioOptions>>().Value))
                {
                    handlers.Add(handler);
                }
            });
        services.TryAddSingleton(sp => new TwilioSmsSender(
            sp.GetRequiredService<IOptions<TwilioOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetService<ILogger<TwilioSmsSender>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.RemoveAll<ISmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<TwilioSmsSender>());
        return services;
    }
}
