namespace ChurnFunctions.Core.Campaigns;

/// <summary>Campaign definitions as managed over HTTP (POST/GET /api/campaigns).</summary>
public interface ICampaignDefinitionStore
{
    Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken);

    Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken);
}
