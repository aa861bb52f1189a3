using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChurnFunctions.Core.Tests.Fakes;

/// <summary>The ingest use cases wired to in-memory ports.</summary>
internal sealed class IngestRig
{
    public IngestRig()
    {
        Merger = new CustomerMerger(Store, Index);
        Resolver = new CustomerResolver(Index, Merger, NullLogger<CustomerResolver>.Instance);
        Processor = new IngestProcessor(Store, Index, Resolver, Merger, new NoCampaignEvents(), TimeProvider.System, NullLogger<IngestProcessor>.Instance);
    }

    public InMemoryCustomerStore Store { get; } = new();

    public InMemoryIdentityIndex Index { get; } = new();

    public CustomerMerger Merger { get; }

    public CustomerResolver Resolver { get; }

    public IngestProcessor Processor { get; }
}
