using System.Globalization;
using CsCheck;

namespace ChurnFunctions.Testing.Hostile;

/// <summary>
/// Deliveries built to break ingest, per source: each is a realistic payload with some fields swapped for a hostile
/// value (an unpaired surrogate escape, an amount at decimal's edge, an id that outgrows a table key once escaped, a
/// text past a property's 32 K characters, a thousand lines, nesting past the parser's depth). <see cref="Named"/> are
/// the cases a user's fuzzing run reported; <see cref="Generated"/> mixes hostile values into every field at random.
/// A delivery here must be refused (400) or stored; never a 5xx, never accepted then poisoned.
/// </summary>
public static class HostileBodies
{
    public const string DecimalMax = "79228162514264337593543950335";

    /// <summary>The sources whose deliveries come over HTTP (CSV arrives by file import).</summary>
    public static readonly string[] HttpSources = ["shopify", "woocommerce", "square", "pos"];

    private const string LoneHigh = "\"\\ud800@x.com\"";
    private const string LoneLow = "\"a\\udc00b\"";

    private static readonly string[] HostileText =
    [
        LoneHigh, LoneLow, Str(new string('a', 300)), Str(new string('a', 1100)), Str(new string('a', 33_000)),
        Str(string.Concat(Enumerable.Repeat("中", 128))), Str(string.Concat(Enumerable.Repeat("😀", 200))),
        "\"\\u0000\\u0001\\u001f\"", Str("/\\#?'|~\"<>&+`"), "\"\"", "\"   \"", "12", "true", "{}", "[]", "null",
    ];

    private static readonly string[] HostileEmail =
    [
        LoneHigh, Str(new string('a', 600) + "@x.com"), Str(string.Concat(Enumerable.Repeat("中", 60)) + "@x.com"),
        Str("x@" + new string('b', 300) + ".com"), Str("not-an-email"), Str("\u00e9l\u00e8ve@\u00e9cole.fr"), "\"\"", "42",
    ];

    private static readonly string[] HostilePhone = [LoneHigh, Str(new string('9', 400)), Str("+1 (415) 555-0123 ext 9"), Str("+"), "15"];

    private static readonly string[] HostileNumber =
    [
        DecimalMax, "-" + DecimalMax, "1e400", "-1e400", "1e13", "1000000000000.5", "1000000000000", "999999999999.99",
        "0", "-1", "0.0000000000000000000000000001", Str(DecimalMax), Str("99999999999999999999999999999999"),
        "9223372036854775807", "-9223372036854775808", "1e-400", Str("NaN"), Str("1e5"), "true", "null", "[]",
    ];

    private static readonly string[] HostileId =
    [
        LoneHigh, Str(new string('a', 600)), Str(string.Concat(Enumerable.Repeat("中", 128))), Str(string.Concat(Enumerable.Repeat("中", 40))),
        "18446744073709551616", "-1", "0", "1.5", "1e3", Str("/\\#?"), Str("a|b'c"), "\"\"", "{}",
    ];

    private static readonly string[] HostileTime =
    [
        Str("0001-01-01T00:00:00Z"), Str("0001-01-01T00:00:00+14:00"), Str("9999-12-31T23:59:59Z"), Str("9999-12-31T23:59:59-14:00"),
        Str("2024-02-30T00:00:00Z"), Str("2024-04-06T10:15:00"), LoneHigh, "1e400", "12345", Str(new string('9', 5000)),
    ];

    private static readonly string[] HostileMinorUnits =
    [
        "9223372036854775807", "-9223372036854775808", "100000000000000000", "100000000000000", "12.5", "1e3", DecimalMax, "-5",
    ];

    /// <summary>The reported cases and their neighbours, for every source.</summary>
    public static IReadOnlyList<HostileBody> Named()
    {
        var list = new List<HostileBody>();
        foreach (var (name, slots) in NamedSlots())
        {
            list.Add(Shopify(name, slots, 1));
            list.Add(Woo(name, slots, 1));
            list.Add(Square(name, slots));
            list.Add(Pos(name, slots, 1));
        }

        list.Add(ShopifyRefund("refunds-summing-past-decimal", Slots(("refund", DecimalMax))));
        list.Add(ShopifyRefund("refunds-summing-past-the-bound", Slots(("refund", "900000000000"))));
        list.Add(ShopifyRefund("refund-of-decimal-max", Slots(("refund", DecimalMax), ("refund2", "0"))));
        list.Add(Woo("refunds-summing-past-decimal", Slots(("refund", "-" + DecimalMax)), 1));
        list.Add(Woo("two-refunds-with-one-id", Slots(("refundId2", "7001")), 1));
        list.Add(Pos("batch-of-two-decimal-max-orders", Slots(("total", DecimalMax)), 1, batch: 2));
        list.Add(Shopify("lines-past-an-entity", Slots(("sku", Str(new string('s', 250))), ("category", Str(string.Concat(Enumerable.Repeat("中", 250))))), 1000));
        list.Add(Pos("lines-past-an-entity", Slots(("sku", Str(new string('s', 250))), ("category", Str(string.Concat(Enumerable.Repeat("中", 250))))), 1000));
        list.Add(Pos("too-many-lines", [], 1500));
        foreach (var source in HttpSources)
        {
            list.Add(new HostileBody(source, "nesting-past-the-parser-depth", Nested(200), Topic(source)));
            list.Add(new HostileBody(source, "nesting-within-the-parser-depth", Nested(60), Topic(source)));
        }

        return list;
    }

    /// <summary>
    /// Any source's delivery with each field, independently, hostile one time in four. Refunds that name an order
    /// are left to <see cref="Named"/> and <see cref="GeneratedRefunds"/>: stored, they would wait for an order that
    /// was never sent.
    /// </summary>
    public static Gen<HostileBody> Generated { get; } =
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 1_000_000_000], SlotsGen(), Gen.Int[0, 3])
            .Select(t => t.Item1 switch
            {
                0 => Shopify("generated", Unique(t.Item3, t.Item2), t.Item4),
                1 => Woo("generated", Unique(t.Item3, t.Item2), t.Item4),
                2 => Square("generated", Unique(t.Item3, t.Item2)),
                _ => Pos("generated", Unique(t.Item3, t.Item2), t.Item4, batch: t.Item4 == 3 ? 2 : 0),
            });

    /// <summary>Shopify refunds with hostile fields, for in-process runs (over HTTP a stored one waits for its order).</summary>
    public static Gen<HostileBody> GeneratedRefunds { get; } =
        Gen.Select(Gen.Int[1, 1_000_000_000], SlotsGen()).Select(t => ShopifyRefund("generated", Unique(t.Item2, t.Item1)));

    /// <summary>CSV import rows with hostile cells, as the file importer hands them to the normaliser.</summary>
    public static Gen<HostileBody> GeneratedCsv { get; } =
        Gen.Select(Gen.Int[1, 1_000_000_000], SlotsGen()).Select(t => Csv(Unique(t.Item2, t.Item1)));

    private static IEnumerable<(string Name, Dictionary<string, string> Slots)> NamedSlots()
    {
        yield return ("lone-surrogate-email", Slots(("email", LoneHigh)));
        yield return ("lone-surrogate-id", Slots(("id", LoneHigh), ("sid", LoneHigh)));
        yield return ("lone-surrogate-sku", Slots(("sku", LoneLow)));
        yield return ("line-price-decimal-max-times-two", Slots(("price", DecimalMax), ("quantity", "2")));
        yield return ("total-decimal-max", Slots(("total", DecimalMax), ("minor", "9223372036854775807")));
        yield return ("total-past-decimal", Slots(("total", "1e400")));
        yield return ("total-over-10^12", Slots(("total", "1000000000000.01"), ("minor", "100000000000001")));
        yield return ("id-longer-than-a-key", Slots(("id", Str(new string('a', 1100))), ("sid", Str(new string('a', 1100)))));
        yield return ("cjk-id-of-128-characters", Slots(("id", Str(string.Concat(Enumerable.Repeat("中", 128)))), ("sid", Str(string.Concat(Enumerable.Repeat("中", 128))))));
        yield return ("customer-id-longer-than-a-key", Slots(("customerId", Str(new string('c', 1100))), ("sid", Str(new string('c', 600)))));
        yield return ("email-longer-than-a-key", Slots(("email", Str(new string('a', 600) + "@x.com"))));
        yield return ("cjk-email-past-a-key", Slots(("email", Str(string.Concat(Enumerable.Repeat("中", 60)) + "@x.com"))));
        yield return ("name-over-32k", Slots(("name", Str(new string('n', 33_000)))));
        yield return ("category-over-32k", Slots(("category", Str(new string('k', 33_000))), ("location", Str(new string('l', 33_000)))));
        yield return ("control-characters", Slots(("sku", "\"\\u0000\\u001f\""), ("id", Str("a\u0001b"))));
    }

    private static Gen<Dictionary<string, string>> SlotsGen() =>
        Gen.Select(
                Slot(HostileId), Slot(HostileNumber), Slot(HostileNumber), Slot(HostileNumber), Slot(HostileNumber),
                Slot(HostileEmail), Slot(HostileText), Slot(HostileText))
            .SelectMany(a => Gen.Select(Slot(HostileText), Slot(HostilePhone), Slot(HostileId), Slot(HostileMinorUnits), Slot(HostileText), Slot(HostileNumber), Slot(HostileTime))
                .Select(b =>
                {
                    var slots = new Dictionary<string, string>();
                    Put(slots, "id", a.Item1);
                    Put(slots, "total", a.Item2);
                    Put(slots, "price", a.Item3);
                    Put(slots, "quantity", a.Item4);
                    Put(slots, "discount", a.Item5);
                    Put(slots, "email", a.Item6);
                    Put(slots, "sku", a.Item7);
                    Put(slots, "category", a.Item8);
                    Put(slots, "name", b.Item1);
                    Put(slots, "phone", b.Item2);
                    Put(slots, "customerId", b.Item3);
                    Put(slots, "minor", b.Item4);
                    Put(slots, "location", b.Item5);
                    Put(slots, "refund", b.Item6);
                    Put(slots, "time", b.Item7);
                    return slots;
                }));

    // One time in four a hostile value; otherwise the field keeps the template's ordinary one.
    private static Gen<string?> Slot(string[] pool) =>
        Gen.Int[0, 4 * pool.Length - 1].Select(i => i < pool.Length ? pool[i] : null);

    private static void Put(Dictionary<string, string> slots, string name, string? value)
    {
        if (value is not null)
        {
            slots[name] = value;
        }
    }

    // Ordinary ids unique per body, so generated deliveries do not collapse into duplicates of each other.
    private static Dictionary<string, string> Unique(Dictionary<string, string> slots, int seed)
    {
        var all = new Dictionary<string, string>(slots);
        all.TryAdd("id", seed.ToString(CultureInfo.InvariantCulture));
        all.TryAdd("sid", Str("SQ" + seed.ToString(CultureInfo.InvariantCulture)));
        all.TryAdd("email", Str($"buyer{seed % 997}@example.com"));
        return all;
    }

    private static Dictionary<string, string> Slots(params (string Name, string Value)[] slots) => slots.ToDictionary(s => s.Name, s => s.Value);

    private static string Get(Dictionary<string, string> slots, string name, string fallback) => slots.TryGetValue(name, out var value) ? value : fallback;

    private static HostileBody Shopify(string name, Dictionary<string, string> s, int lines)
    {
        var line = $$"""{"sku":{{Get(s, "sku", Str("SKU-1"))}},"product_type":{{Get(s, "category", Str("Shoes"))}},"quantity":{{Get(s, "quantity", "1")}},"price":{{Get(s, "price", Str("19.99"))}},"total_discount":{{Get(s, "discount", Str("0.00"))}}}""";
        var body = $$"""{"id":{{Get(s, "id", "450789469")}},"created_at":{{Get(s, "time", Str("2024-03-14T18:42:08-04:00"))}},"currency":"USD","total_price":{{Get(s, "total", Str("19.99"))}},"total_discounts":{{Get(s, "discount", Str("0.00"))}},"financial_status":"paid","source_name":"web","location_id":{{Get(s, "location", "null")}},"email":{{Get(s, "email", Str("a@example.com"))}},"customer":{"id":{{Get(s, "customerId", "207119551")}},"email":{{Get(s, "email", Str("a@example.com"))}},"first_name":{{Get(s, "name", Str("Ann"))}},"last_name":{{Get(s, "name", Str("Lee"))}},"phone":{{Get(s, "phone", "null")}}},"line_items":[{{Repeat(line, lines)}}]}""";
        return new HostileBody("shopify", name, body, "orders/create");
    }

    private static HostileBody ShopifyRefund(string name, Dictionary<string, string> s)
    {
        var refund = Get(s, "refund", Str("5.00"));
        var body = $$$"""{"id":{{{Get(s, "id", "509562969")}}},"order_id":{{{Get(s, "customerId", "450789469")}}},"created_at":{{{Get(s, "time", Str("2024-03-15T10:00:00-04:00"))}}},"transactions":[{"kind":"refund","status":"success","amount":{{{refund}}},"currency":"USD"},{"kind":"refund","status":"success","amount":{{{Get(s, "refund2", refund)}}},"currency":"USD"}],"refund_line_items":[{"quantity":{{{Get(s, "quantity", "1")}}},"subtotal":{{{Get(s, "price", Str("5.00"))}}},"line_item":{"sku":{{{Get(s, "sku", Str("SKU-1"))}}},"product_type":{{{Get(s, "category", Str("Shoes"))}}}}}]}""";
        return new HostileBody("shopify", "refund-" + name, body, "refunds/create");
    }

    private static HostileBody Woo(string name, Dictionary<string, string> s, int lines)
    {
        var line = $$"""{"sku":{{Get(s, "sku", Str("CPO-WHT"))}},"quantity":{{Get(s, "quantity", "1")}},"total":{{Get(s, "price", Str("33.75"))}},"meta_data":[{"key":"category","value":{{Get(s, "category", Str("Kitchen"))}}}]}""";
        var refund = Get(s, "refund", Str("-2.00"));
        var body = $$"""{"id":{{Get(s, "id", "4812")}},"status":"processing","currency":"GBP","total":{{Get(s, "total", Str("53.40"))}},"discount_total":{{Get(s, "discount", Str("4.50"))}},"customer_id":{{Get(s, "customerId", "219")}},"date_created_gmt":{{Get(s, "time", Str("2024-06-02T20:14:09"))}},"date_modified_gmt":"2024-06-02T20:15:30","created_via":"checkout","billing":{"first_name":{{Get(s, "name", Str("Priya"))}},"last_name":{{Get(s, "name", Str("Raman"))}},"email":{{Get(s, "email", Str("p@example.co.uk"))}},"phone":{{Get(s, "phone", Str("07700 900461"))}},"country":"GB"},"line_items":[{{Repeat(line, lines)}}],"refunds":[{"id":7001,"total":{{refund}}},{"id":{{Get(s, "refundId2", "7002")}},"total":{{refund}}}]}""";
        return new HostileBody("woocommerce", name, body, "order.updated");
    }

    private static HostileBody Square(string name, Dictionary<string, string> s)
    {
        var body = $$"""{"merchant_id":"MLH3K8Q0ZP9WX","type":"payment.updated","event_id":{{Get(s, "sid", Str("ev-1"))}},"created_at":"2024-05-12T09:41:07Z","data":{"type":"payment","object":{"payment":{"id":{{Get(s, "sid", Str("pay-1"))}},"status":"COMPLETED","created_at":{{Get(s, "time", Str("2024-05-12T09:41:07Z"))}},"total_money":{"amount":{{Get(s, "minor", "1999")}},"currency":"USD"},"location_id":{{Get(s, "location", Str("L1"))}},"customer_id":{{Get(s, "customerId", Str("CUST-1"))}},"buyer_email_address":{{Get(s, "email", Str("sq@example.com"))}},"billing_address":{"first_name":{{Get(s, "name", Str("Sam"))}},"last_name":{{Get(s, "name", Str("Q"))}}""" + "}}}}}";
        return new HostileBody("square", name, body);
    }

    private static HostileBody Pos(string name, Dictionary<string, string> s, int lines, int batch = 0)
    {
        var line = $$"""{"sku":{{Get(s, "sku", Str("BAG"))}},"category":{{Get(s, "category", Str("Bags"))}},"quantity":{{Get(s, "quantity", "1")}},"amount":{{Get(s, "price", "30.00")}}}""";
        string Item(string suffix) =>
            $$"""{"id":{{Suffixed(Get(s, "id", Str("T-1001")), suffix)}},"occurredAt":{{Get(s, "time", Str("2024-04-06T10:15:00+02:00"))}},"currency":"EUR","total":{{Get(s, "total", "42.50")}},"discounts":{{Get(s, "discount", "0")}},"location":{{Get(s, "location", Str("store-12"))}},"customer":{"id":{{Get(s, "customerId", Str("C-88"))}},"email":{{Get(s, "email", Str("lena@example.de"))}},"phone":{{Get(s, "phone", Str("+49 30 5550199"))}},"firstName":{{Get(s, "name", Str("Lena"))}},"lastName":{{Get(s, "name", Str("Vogel"))}}},"lines":[{{Repeat(line, lines)}}]}""";
        var body = batch == 0 ? Item(string.Empty) : "[" + string.Join(',', Enumerable.Range(0, batch).Select(i => Item("-" + i.ToString(CultureInfo.InvariantCulture)))) + "]";
        return new HostileBody("pos", name, body);
    }

    private static HostileBody Csv(Dictionary<string, string> s)
    {
        static string Cell(string json) => json.StartsWith('"') ? "\"" + System.Text.Json.JsonSerializer.Deserialize<string>(json.Replace("\\ud800", "\\uFFFD", StringComparison.Ordinal).Replace("\\udc00", "\\uFFFD", StringComparison.Ordinal))!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : json;
        var row = string.Join(',', Cell(Get(s, "customerId", Str("C-1"))), Cell(Get(s, "email", Str("c@example.com"))), Cell(Get(s, "id", Str("O-1"))),
            Cell(Get(s, "time", Str("2024-05-01T10:15:00+02:00"))), Cell(Get(s, "total", "12.50")), "EUR", Cell(Get(s, "category", Str("Books"))), Cell(Get(s, "sku", Str("B-1"))),
            Cell(Get(s, "quantity", "1")), Cell(Get(s, "location", Str("store-1"))));
        return new HostileBody("csv", "generated", "customer_id,email,order_id,occurred_at,amount,currency,category,sku,quantity,location\n" + row + "\n");
    }

    private static string Nested(int depth) =>
        "{\"id\":1,\"x\":" + new string('[', depth) + new string(']', depth) + "}";

    private static string? Topic(string source) => source switch
    {
        "shopify" => "orders/create",
        "woocommerce" => "order.updated",
        _ => null,
    };

    private static string Repeat(string item, int count) => string.Join(',', Enumerable.Repeat(item, count));

    // Batch items need their own ids; a hostile id keeps its hostility and gains the suffix inside the string.
    private static string Suffixed(string idJson, string suffix) =>
        suffix.Length == 0 ? idJson
        : idJson.StartsWith('"') && idJson.Length >= 2 ? idJson[..^1] + suffix + "\""
        : idJson;

    private static string Str(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
