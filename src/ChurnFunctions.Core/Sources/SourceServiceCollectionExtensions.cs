using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources.Cdnow;
using ChurnFunctions.Core.Sources.Csv;
using ChurnFunctions.Core.Sources.Pos;
using ChurnFunctions.Core.Sources.Shopify;
using ChurnFunctions.Core.Sources.Square;
using ChurnFunctions.Core.Sources.WooCommerce;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Core.Sources;

public static class SourceServiceCollectionExtensions
{
    /// <summary>
    /// Every source's normaliser as an <see cref="ISourceNormalizer"/> singleton (each also resolvable by its own type,
    /// e.g. <see cref="PosJsonNormalizer"/> for its Validate), plus <see cref="SourceNormalizerRegistry"/>.
    /// Binding <see cref="WebhookOptions"/> and <see cref="ApiOptions"/> is the host's job. Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddSourceNormalizers(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SourceNormalizerRegistry)))
        {
            return services;
        }

        services.AddOptions();
        Add<ShopifyNormalizer>(services);
        Add<WooCommerceNormalizer>(services);
        Add<SquareNormalizer>(services);
        Add<PosJsonNormalizer>(services);
        Add<CsvNormalizer>(services);
        Add<CdnowNormalizer>(services);
        services.AddSingleton<SourceNormalizerRegistry>();
        return services;
    }

    private static void Add<T>(IServiceCollection services)
        where T : class, ISourceNormalizer
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISourceNormalizer>(provider => provider.GetRequiredService<T>());
    }
}
