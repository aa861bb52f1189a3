using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Configuration;
using ChurnFunctions.Core.Triggers;
using ChurnFunctions.SelfHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChurnFunctions.SelfHost.Campaigns;

public static class CampaignRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The durable campaign runner of the self-host: <see cref="CampaignRunner"/> as <see cref="ICampaignStarter"/> and
    /// <see cref="ICampaignEvents"/> (replacing the no-op fallback), its options from "Campaigns:Runtime", and the
    /// "campaign-wakeups" queue trigger. Call after AddChurnFunctions (storage adapters and senders).
    /// </summary>
    public static IServiceCollection AddCampaignRuntime(this IServiceCollection services)
    {
        services.AddOptions<CampaignRuntimeOptions>().BindConfiguration(CampaignRuntimeOptions.SectionName).ValidateSettings(CampaignRuntimeOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<ICampaignDefinitionStore, NoCampaignDefinitions>();
        services.TryAddSingleton<LedgeredSender>();
        services.TryAddSingleton<CampaignRunner>();
        services.RemoveAll<ICampaignEvents>();
        services.AddSingleton<ICampaignEvents>(sp => sp.GetRequiredService<CampaignRunner>());
        services.RemoveAll<ICampaignStarter>();
        services.AddSingleton<ICampaignStarter>(sp => sp.GetRequiredService<CampaignRunner>());
        services.AddQueueTrigger(Triggers.CampaignWakeUpsQueue, WakeUpTrigger.HandleAsync);
        return services;
    }
}
