using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>The app settings both the Functions app under test and the self-host it is compared with run on.</summary>
internal static class FunctionSettings
{
    public const string ShopifySecret = "shpss_functions_secret";
    public const string ApiKey = "pos-functions-key";

    public static Dictionary<string, string?> For(string storageConnectionString) => new()
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["Webhooks:Shopify:Secret"] = ShopifySecret,
        ["Webhooks:WooCommerce:Secret"] = "woo_functions_secret",
        ["Webhooks:Square:SignatureKey"] = "square_functions_key",
        ["Webhooks:Square:NotificationUrl"] = "https://churn.example.com/api/webhooks/square",
        ["Api:Keys"] = ApiKey,

        // The same key opens the admin routes here, so the every-function test reaches their handlers.
        ["Api:AdminKeys"] = ApiKey,
        ["Privacy:IdentitySalt"] = "functions-test-identity-salt",
    };

    public static string ShopifySignature(string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), Encoding.UTF8.GetBytes(body)));
}
