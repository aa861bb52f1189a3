using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="CampaignOptions"/> (validated on start, the default time zone included), the <see cref="CampaignDecider"/>
    /// the <see cref="FrequencyCaps"/> the senders reserve through (over the host's <see cref="IChannelReservationStore"/>)
    /// the <see cref="SendReconciler"/> provider events confirm sends through (over its <see cref="ISendLedger"/>)
    /// and the <see cref="StaffTaskService"/> of the call list (over its <see cref="IStaffTaskStore"/>).
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>()
            .Bind(configuration.GetSection(CampaignOptions.SectionName))
            .ValidateSettings(CampaignOptions.SectionName)
            .Validate(o => TimeZones.Find(o.DefaultTimeZone) is not null, "Campaigns:DefaultTimeZone (Campaigns__DefaultTimeZone) is not a known time zone.")
            .ValidateOnStart();
        services.TryAddSingleton(provider => new CampaignDecider(provider.GetRequiredService<IOptions<CampaignOptions>>()));
        services.TryAddSingleton<FrequencyCaps>();
        services.TryAddSingleton<SendReconciler>();
        services.TryAddSingleton<StaffTaskService>();
        return services;
    }
}
