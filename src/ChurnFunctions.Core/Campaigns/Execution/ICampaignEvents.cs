namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Delivers an outside event (a purchase from ingest, an email event, an SMS reply, a consent change) to every
/// running campaign instance of a customer. The durable runner implements it; ingest and the provider webhooks call it.
/// </summary>
public interface ICampaignEvents
{
    Task RaiseAsync(string customerId, CampaignInput input, CancellationToken cancellationToken);
}
