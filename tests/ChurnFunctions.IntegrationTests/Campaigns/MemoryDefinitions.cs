using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>This run's campaign definitions, so other tests' hosts sharing the Azurite account never run them.</summary>
internal sealed class MemoryDefinitions : ICampaignDefinitionStore
{
    private readonly ConcurrentDictionary<string, CampaignDefinition> definitions = new(StringComparer.Ordinal);

    public Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        definitions[definition.Id] = definition;
        return Task.CompletedTask;
    }

    public Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(definitions.GetValueOrDefault(campaignId));

    public Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignDefinition>>([.. definitions.Values]);
}
