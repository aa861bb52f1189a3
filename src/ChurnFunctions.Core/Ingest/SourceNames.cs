namespace ChurnFunctions.Core.Ingest;

/// <summary>The transaction sources; each is also the <see cref="IngestEnvelope.Source"/> of its messages.</summary>
public static class SourceNames
{
    public const string Shopify = "shopify";
    public const string WooCommerce = "woocommerce";
    public const string Square = "square";
    public const string Pos = "pos";
    public const string Csv = "csv";
    public const string Cdnow = "cdnow";
}
