namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>Test-only secrets the self-host is configured with and the tests sign with.</summary>
internal static class Secrets
{
    public const string Shopify = "shpss_integration_secret";
    public const string WooCommerce = "woo_integration_secret";
    public const string SquareKey = "square_integration_key";
    public const string SquareUrl = "https://churn.example.com/api/webhooks/square";
    public const string ApiKey = "pos-integration-key";
}
