using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>The run's campaign definition in memory, so the runner's definition reads cost nothing measurable.</summary>
internal sealed class BenchDefinitions : ICampaignDefinitionStore
{
    private readonly ConcurrentDictionary<string, CampaignDefinition> _definitions = new(StringComparer.Ordinal);

    public Task SaveAsync(CampaignDefinition definition, CancellationToken cancellationToken)
    {
        _definitions[definition.Id] = definition;
        return Task.CompletedTask;
    }

    public Task<CampaignDefinition?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult(_definitions.GetValueOrDefault(campaignId));

    public Task<IReadOnlyList<CampaignDefinition>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CampaignDefinition>>([.. _definitions.Values]);
}
