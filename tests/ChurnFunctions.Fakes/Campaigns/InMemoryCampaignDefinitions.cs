using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Fakes.Campaigns;

/// <summary>Campaign definitions in memory, for runs where the definitions are not what is measured or tested.</summary>
public sealed class InMemoryCampaignDefinitions : ICampaignDefinitionStore
{
    private readonly ConcurrentDictionary<string, CampaignDefinition> definitions = new(StringComparer.Ordinal);

    public Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definitions[definition.Id] = definition;
        return Task.CompletedTask;
    }

    public Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(definitions.GetValueOrDefault(campaignId));

    public Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignDefinition>>([.. definitions.Values]);
}
