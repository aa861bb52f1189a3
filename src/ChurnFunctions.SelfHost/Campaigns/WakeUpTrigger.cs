using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Ports;

namespace ChurnFunctions.SelfHost.Campaigns;

/// <summary>
/// "campaign-wakeups" -> <see cref="CampaignRunner.HandleWakeUpAsync"/>, or <see cref="CampaignRunner.HandleStartsAsync"/>
/// for a batch of starts. Failures surface: the listener retries, then poisons.
/// </summary>
internal static class WakeUpTrigger
{
    public static Task HandleAsync(IServiceProvider services, QueueMessage message, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<CampaignRunner>();
        return StartBatchMessage.TryParse(message.Text) is { } batch
            ? runner.HandleStartsAsync(batch, cancellationToken)
            : runner.HandleWakeUpAsync(WakeUpMessage.Parse(message.Text), cancellationToken);
    }
}
