using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChurnFunctions.IntegrationTests.Support;

/// <summary>Signed deliveries as the platforms send them.</summary>
internal static class Payloads
{
    public static string ShopifyOrder(long orderId, long customerId, string email, decimal total, string createdAt = "2024-03-14T18:42:08-04:00") =>
        JsonSerializer.Serialize(new
        {
            id = orderId,
            created_at = createdAt,
            currency = "USD",
            total_price = total.ToString("0.00", CultureInfo.InvariantCulture),
            total_discounts = "0.00",
            financial_status = "paid",
            source_name = "web",
            email,
            customer = new { id = customerId, email, first_name = "Test", last_name = "Buyer" },
            line_items = new[]
            {
                new { id = orderId * 10, sku = "SKU-1", product_type = "Footwear", quantity = 1, price = total.ToString("0.00", CultureInfo.InvariantCulture), total_discount = "0.00" },
            },
        });

    /// <summary>A refunds/create body returning <paramref name="amount"/> of one line of order <paramref name="orderId"/>; it names no buyer.</summary>
    public static string ShopifyRefund(long refundId, long orderId, decimal amount) =>
        JsonSerializer.Serialize(new
        {
            id = refundId,
            order_id = orderId,
            created_at = "2024-03-20T09:00:00-04:00",
            transactions = Array.Empty<object>(),
            refund_line_items = new[]
            {
                new
                {
                    quantity = 1,
                    subtotal = amount.ToString("0.00", CultureInfo.InvariantCulture),
                    subtotal_set = new { shop_money = new { amount = amount.ToString("0.00", CultureInfo.InvariantCulture), currency_code = "USD" } },
                    line_item = new { sku = "SKU-1" },
                },
            },
        });

    public static HttpRequestMessage Shopify(string body, string eventId, string topic = "orders/create", string? secret = Secrets.Shopify)
    {
        var request = Json(HttpMethod.Post, "/api/webhooks/shopify", body);
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Event-Id", eventId);
        request.Headers.Add("X-Shopify-Webhook-Id", "wh-" + eventId);
        if (secret is not null)
        {
            request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        }

        return request;
    }

    /// <summary>A Square event ("payment.updated", "refund.updated") holding <paramref name="entity"/> as its payment or refund.</summary>
    public static string SquareEvent(string type, object entity)
    {
        var kind = type.Split('.')[0];
        return JsonSerializer.Serialize(new
        {
            merchant_id = "MLH3K8Q0ZP9WX",
            type,
            event_id = Guid.NewGuid().ToString(),
            created_at = "2024-05-12T09:41:07Z",
            data = new { type = kind, @object = new Dictionary<string, object> { [kind] = entity } },
        });
    }

    public static HttpRequestMessage Square(string body)
    {
        var request = Json(HttpMethod.Post, "/api/webhooks/square", body);
        var signed = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secrets.SquareKey), Encoding.UTF8.GetBytes(Secrets.SquareUrl + body));
        request.Headers.Add("x-square-hmacsha256-signature", Convert.ToBase64String(signed));
        return request;
    }

    public static string PosTransaction(string id, string email, decimal total, string occurredAt = "2024-04-06T10:15:00+02:00", string? note = null) =>
        JsonSerializer.Serialize(new
        {
            id,
            occurredAt,
            currency = "EUR",
            total,
            location = note ?? "store-12",
            customer = new { email },
            lines = new[] { new { sku = "BAG", category = "Bags", quantity = 1, amount = total } },
        });

    public static HttpRequestMessage Pos(string body, string? apiKey = Secrets.ApiKey)
    {
        var request = Json(HttpMethod.Post, "/api/transactions", body);
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return request;
    }

    public static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", Secrets.ApiKey);
        return request;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) => new(method, path)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
    };
}
