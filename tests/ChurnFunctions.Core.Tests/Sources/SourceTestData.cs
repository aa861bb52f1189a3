using System.Text;
using ChurnFunctions.Core.Ingest;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Sources;

/// <summary>Payload files (Sources/Payloads, copied to the output) and envelopes built from them.</summary>
internal static class SourceTestData
{
    public const string ShopifySecret = "shpss_test_secret_5f1c";
    public const string WooSecret = "wc-secret-Qm9y";
    public const string SquareKey = "sq-sig-key-7Hc2";
    public const string SquareUrl = "https://churn.example.com/api/webhooks/square";
    public const string ApiKey = "pos-key-2f9a7c";

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static IngestEnvelope Envelope(string source, string body, params (string Name, string Value)[] headers) =>
        new(source, DateTimeOffset.Parse("2024-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            headers.ToDictionary(h => h.Name, h => h.Value), body);

    /// <summary>An ordinal (case-sensitive) dictionary, as a deserialised queue message or a test may hand over.</summary>
    public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.Ordinal);

    public static IOptions<WebhookOptions> Webhooks(string? defaultCountryCode = "1") => Options.Create(new WebhookOptions
    {
        Shopify = { Secret = ShopifySecret },
        WooCommerce = { Secret = WooSecret },
        Square = { SignatureKey = SquareKey, NotificationUrl = SquareUrl },
        DefaultCountryCode = defaultCountryCode,
    });

    public static IOptions<ApiOptions> Api(string? keys = "other-key, " + ApiKey) => Options.Create(new ApiOptions { Keys = ApiKeyList.Parse(keys) });

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Sources", "Payloads", name);
}
