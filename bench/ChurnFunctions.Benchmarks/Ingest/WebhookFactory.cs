using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChurnFunctions.Benchmarks.Ingest;

/// <summary>
/// Signed Shopify orders/create deliveries with distinct order ids, buyers drawn uniformly (seeded) from M customers.
/// The body is shaped like a real order (addresses, two lines, shipping, consent), about 2.5 KB.
/// </summary>
internal sealed class WebhookFactory(string secret, int customers, int seed)
{
    private static readonly DateTimeOffset FirstOrderAt = new(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(-5));
    private readonly Random _random = new(seed);
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);
    private long _nextOrder = 5_400_000_000;

    public static string Email(int customer) => $"buyer{customer}@bench.example";

    public static long ShopifyCustomerId(int customer) => 7_100_000_000 + customer;

    public SignedWebhook[] Next(int count)
    {
        var result = new SignedWebhook[count];
        for (var i = 0; i < count; i++)
        {
            var orderId = _nextOrder++;
            var customer = _random.Next(1, customers + 1);
            var body = JsonSerializer.SerializeToUtf8Bytes(Order(orderId, customer));
            result[i] = new SignedWebhook(orderId, customer, body, Convert.ToBase64String(HMACSHA256.HashData(_key, body)), $"evt-{orderId}");
        }

        return result;
    }

    private static object Order(long orderId, int customer)
    {
        var createdAt = FirstOrderAt.AddMinutes((orderId - 5_400_000_000) * 7).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var email = Email(customer);
        var price = (19.5m + (orderId % 17) * 3.25m).ToString("0.00", CultureInfo.InvariantCulture);
        var address = new
        {
            first_name = "Bench",
            last_name = "Buyer" + customer,
            address1 = "12 Harbour Street",
            address2 = "Unit 4",
            city = "Portland",
            province = "Oregon",
            province_code = "OR",
            country = "United States",
            country_code = "US",
            zip = "97201",
            company = (string?)null,
        };
        return new
        {
            id = orderId,
            admin_graphql_api_id = $"gid://shopify/Order/{orderId}",
            name = $"#B{orderId % 1_000_000}",
            order_number = orderId % 1_000_000,
            created_at = createdAt,
            updated_at = createdAt,
            processed_at = createdAt,
            currency = "USD",
            presentment_currency = "USD",
            subtotal_price = price,
            total_price = price,
            total_tax = "0.00",
            total_discounts = "0.00",
            financial_status = "paid",
            fulfillment_status = (string?)null,
            source_name = "web",
            email,
            contact_email = email,
            browser_ip = "203.0.113.7",
            landing_site = "/collections/footwear?utm_source=newsletter",
            tags = "bench, webhook",
            customer = new
            {
                id = ShopifyCustomerId(customer),
                email,
                first_name = "Bench",
                last_name = "Buyer" + customer,
                created_at = "2023-06-01T10:00:00-05:00",
                email_marketing_consent = new { state = "subscribed", opt_in_level = "single_opt_in", consent_updated_at = "2023-06-01T10:00:00-05:00" },
                default_address = address,
            },
            billing_address = address,
            shipping_address = address,
            line_items = new[]
            {
                new { id = orderId * 10, title = "Trail Runner", vendor = "Northwind", sku = "TR-42", product_type = "Footwear", quantity = 1, price, total_discount = "0.00", requires_shipping = true },
                new { id = orderId * 10 + 1, title = "Wool Socks", vendor = "Northwind", sku = "WS-3", product_type = "Accessories", quantity = 2, price = "0.00", total_discount = "0.00", requires_shipping = true },
            },
            shipping_lines = new[] { new { code = "standard", title = "Standard", price = "0.00", source = "shopify" } },
        };
    }
}
