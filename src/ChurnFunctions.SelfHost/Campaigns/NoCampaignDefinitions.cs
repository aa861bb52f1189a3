using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.SelfHost.Campaigns;

/// <summary>Where no definition store is registered: no campaign is defined, so instances wait (nothing is sent).</summary>
internal sealed class NoCampaignDefinitions : ICampaignDefinitionStore
{
    public Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No campaign definition store is registered.");

    public Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken) => Task.FromResult<CampaignDefinition?>(null);

    public Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CampaignDefinition>>([]);
}
