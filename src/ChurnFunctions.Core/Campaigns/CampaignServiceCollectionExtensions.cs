using ChurnFunctions.Core.Campaigns.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="CampaignOptions"/> (validated on start, the default time zone included), the <see cref="CampaignDecider"/>
    /// and the <see cref="FrequencyCaps"/> the senders reserve through (over the host's <see cref="IChannelReservationStore"/>).
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>()
            .Bind(configuration.GetSection(CampaignOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => TimeZones.Find(o.DefaultTimeZone) is not null, "Campaigns:DefaultTimeZone is not a known time zone.")
            .ValidateOnStart();
        services.TryAddSingleton(provider => new CampaignDecider(provider.GetRequiredService<IOptions<CampaignOptions>>()));
        services.TryAddSingleton<FrequencyCaps>();
        return services;
    }
}
