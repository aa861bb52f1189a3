namespace ChurnFunctions.Core.Campaigns;

/// <summary>Where no campaign runner is registered, outside events have no instance to reach.</summary>
public sealed class NoCampaignEvents : ICampaignEvents
{
    public Task RaiseAsync(string customerId, CampaignInput input, CancellationToken cancellationToken) => Task.CompletedTask;
}
