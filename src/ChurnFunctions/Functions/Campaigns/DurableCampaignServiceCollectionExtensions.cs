using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.Functions.Campaigns;

public static class DurableCampaignServiceCollectionExtensions
{
    /// <summary>
    /// Campaigns on Durable Functions: starts and events go through the "campaign-starts" and "campaign-events" queues
    /// to the Durable client; sends through the <see cref="LedgeredSender"/> (options "Campaigns:Runtime"). The
    /// self-host's CampaignRunner and its wake-up listener are not registered here. Call after AddChurnFunctions.
    /// </summary>
    public static IServiceCollection AddDurableCampaigns(this IServiceCollection services)
    {
        services.AddOptions<CampaignRuntimeOptions>().BindConfiguration(CampaignRuntimeOptions.SectionName).ValidateSettings(CampaignRuntimeOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<LedgeredSender>();
        services.RemoveAll<ICampaignStarter>();
        services.AddSingleton<ICampaignStarter, QueuedCampaignStarter>();
        services.RemoveAll<ICampaignEvents>();
        services.AddSingleton<ICampaignEvents, QueuedCampaignEvents>();
        services.AddSingleton<Privacy.DurableCampaignHistory>();
        services.AddSingleton<Core.Privacy.IErasureFollowUp, Privacy.QueuedCampaignPurges>();
        return services;
    }
}
