using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.SelfHost.Campaigns;

/// <summary>"campaign-wakeups" -> <see cref="CampaignRunner.HandleWakeUpAsync"/>. Failures surface: the listener retries, then poisons.</summary>
internal static class WakeUpTrigger
{
    public static Task HandleAsync(IServiceProvider services, QueueMessage message, CancellationToken cancellationToken) =>
        services.GetRequiredService<CampaignRunner>().HandleWakeUpAsync(WakeUpMessage.Parse(message.Text), cancellationToken);
}
