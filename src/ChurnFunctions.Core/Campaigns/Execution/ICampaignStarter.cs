namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Enters a customer into a campaign: starts the instance with the deterministic id of (customer, campaign) unless one
/// is running already, in which case nothing happens. The durable runner implements it.
/// </summary>
public interface ICampaignStarter
{
    /// <returns>True when a new instance started.</returns>
    Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken);
}
