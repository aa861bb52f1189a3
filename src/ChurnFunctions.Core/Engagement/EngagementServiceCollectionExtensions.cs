using ChurnFunctions.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Core.Engagement;

public static class EngagementServiceCollectionExtensions
{
    /// <summary>
    /// Consent, suppression and exit-survey use cases and <see cref="FeedbackOptions"/>. The ports
    /// (<see cref="ISuppressionList"/>, <see cref="IProcessedEvents"/>, <see cref="ISmsDeliveryLog"/>,
    /// <see cref="IFeedbackStore"/>) come from the storage adapter.
    /// </summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName)).ValidateSettings(FeedbackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<FeedbackLinks>();
        services.AddSingleton<SurveyLinks>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<ConsentRecorder>();
        services.AddSingleton<EmailActivityHandler>();
        services.AddSingleton<SmsActivityHandler>();
        return services;
    }
}
