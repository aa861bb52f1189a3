using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.Core.Sources.Pos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using static ChurnFunctions.Core.Tests.Sources.SourceTestData;

namespace ChurnFunctions.Core.Tests.Sources;

public sealed class SourceNormalizerRegistryTests
{
    [Fact]
    public void Finds_a_normalizer_by_source_name_ignoring_case()
    {
        var shopify = Normalizer("shopify");
        var registry = new SourceNormalizerRegistry([shopify, Normalizer("pos")]);

        Assert.Equal(shopify.Source, registry.Get("Shopify").Source);
        Assert.True(registry.TryGet("POS", out _));
        Assert.False(registry.TryGet("magento", out _));
        Assert.Throws<KeyNotFoundException>(() => registry.Get("magento"));
    }

    [Fact]
    public void Refuses_two_normalizers_for_one_source()
    {
        Assert.Throws<ArgumentException>(() => new SourceNormalizerRegistry([Normalizer("csv"), Normalizer("CSV")]));
    }

    [Fact]
    public void Registers_one_normalizer_per_source_and_the_registry()
    {
        var services = new ServiceCollection();

        services.AddSourceNormalizers().AddSourceNormalizers();

        var factories = services.Where(d => d.ServiceType == typeof(ISourceNormalizer)).ToList();
        Assert.Equal(6, factories.Count);
        Assert.Single(services, d => d.ServiceType == typeof(SourceNormalizerRegistry));
        Assert.All(services.Where(d => d.ServiceType != typeof(IOptions<>) && d.ServiceType.Namespace!.StartsWith("ChurnFunctions", StringComparison.Ordinal)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));

        // Each ISourceNormalizer registration forwards to the concrete singleton, so both resolve to one instance.
        var pos = new PosJsonNormalizer(Webhooks(), Api());
        var provider = new Mock<IServiceProvider>();
        provider.Setup(p => p.GetService(typeof(PosJsonNormalizer))).Returns(pos);
        Assert.Contains(factories, d => ReferenceEquals(Resolve(d, provider.Object), pos));
    }

    [Fact]
    public void Every_source_name_has_a_normalizer()
    {
        var names = typeof(SourceNames).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);
        var normalizers = new ISourceNormalizer[]
        {
            new Core.Sources.Shopify.ShopifyNormalizer(Webhooks()), new Core.Sources.WooCommerce.WooCommerceNormalizer(Webhooks()),
            new Core.Sources.Square.SquareNormalizer(Webhooks()), new PosJsonNormalizer(Webhooks(), Api()),
            new Core.Sources.Csv.CsvNormalizer(Webhooks(), Api()), new Core.Sources.Cdnow.CdnowNormalizer(Api()),
        };

        Assert.Equal(names, new SourceNormalizerRegistry(normalizers).Sources.Order(StringComparer.Ordinal));
    }

    private static object? Resolve(ServiceDescriptor descriptor, IServiceProvider provider)
    {
        try
        {
            return descriptor.ImplementationFactory!(provider);
        }
        catch (InvalidOperationException)
        {
            return null; // another normalizer's type, which the mock does not provide
        }
    }

    private static ISourceNormalizer Normalizer(string source)
    {
        var mock = new Mock<ISourceNormalizer>();
        mock.SetupGet(n => n.Source).Returns(source);
        return mock.Object;
    }
}
