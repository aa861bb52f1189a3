using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChurnFunctions.Api.Exports;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Exports;
using ChurnFunctions.Core.Scoring;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.IntegrationTests.Exports;

/// <summary>
/// GET /api/export/{what} as CSV and Parquet, read back and compared with what the JSON API says about the same
/// seeded customers after a scoring run: every export, both formats, through Kestrel against Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnalystExportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2024, 3, 31);
    private const string QuotedLocation = "Store \"North\", aisle 2";
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private SelfHostRunner host = null!;
    private List<CustomerView> seeded = null!;

    public async Task InitializeAsync()
    {
        host = await SelfHostRunner.StartAsync(azurite.ConnectionString);
        await host.ClearAnalyticsTablesAsync();
        // 12 customers every 10 days from 2 January; 8 stop on 1 February. One buys at a location that needs quoting.
        for (var c = 0; c < 12; c++)
        {
            var stops = c < 8 ? new DateOnly(2024, 2, 1) : AsOf;
            var items = new List<string>();
            for (var day = new DateOnly(2024, 1, 2); day <= stops; day = day.AddDays(10))
            {
                items.Add(Payloads.PosTransaction($"{run}-{c}-{day:MMdd}", Email(c), 20.25m + c, $"{day:yyyy-MM-dd}T12:00:00+02:00", c == 0 ? QuotedLocation : null));
            }

            Assert.Equal(HttpStatusCode.Accepted, (await host.Client.SendAsync(Payloads.Pos("[" + string.Join(",", items) + "]"))).StatusCode);
        }

        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(11)), c => c is { OrderCount: 9 });
        await SelfHostRunner.EventuallyAsync(() => host.FindCustomerAsync(Email(0)), c => c is { OrderCount: 4 });
        seeded = [];
        for (var c = 0; c < 12; c++)
        {
            var found = await host.FindCustomerAsync(Email(c));
            seeded.Add((await GetAsync<CustomerView>($"/api/customers/{found!.Id}"))!);
        }

        await host.Services.GetRequiredService<ScoringJob>().RunAsync(AsOf, default);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string> Formats() => new() { "csv", "parquet" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Customers_export_matches_the_customer_api(string format)
    {
        var (header, rows) = await ExportAsync("customers", format);

        Assert.DoesNotContain("email", header);
        foreach (var customer in seeded)
        {
            var row = Assert.Single(rows, r => r["customer_id"] == customer.Id);
            Assert.Equal(customer.OrderCount.ToString(CultureInfo.InvariantCulture), row["order_count"]);
            Assert.Equal(customer.DistinctPurchaseDays.ToString(CultureInfo.InvariantCulture), row["distinct_purchase_days"]);
            Assert.Equal(customer.GrossSpend, decimal.Parse(row["gross_spend"], CultureInfo.InvariantCulture));
            Assert.Equal(customer.NetSpend, decimal.Parse(row["net_spend"], CultureInfo.InvariantCulture));
            Assert.Equal(customer.Currency, row["currency"]);
            Assert.Equal(customer.FirstPurchaseAt, DateTimeOffset.Parse(row["first_purchase_at"], CultureInfo.InvariantCulture));
            Assert.Equal(customer.LastPurchaseAt, DateTimeOffset.Parse(row["last_purchase_at"], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Transactions_export_matches_each_customers_transactions(string format)
    {
        var (_, rows) = await ExportAsync("transactions", format);

        foreach (var customer in seeded)
        {
            var exported = rows.Where(r => r["customer_id"] == customer.Id).ToDictionary(r => r["external_id"]);
            Assert.Equal(customer.Transactions.Select(t => t.ExternalId).Order(), exported.Keys.Order());
            foreach (var t in customer.Transactions)
            {
                var row = exported[t.ExternalId];
                Assert.Equal(t.Total, decimal.Parse(row["gross_total"], CultureInfo.InvariantCulture));
                Assert.Equal(t.OccurredAt, DateTimeOffset.Parse(row["occurred_at"], CultureInfo.InvariantCulture));
                Assert.Equal(t.Kind, row["kind"]);
                Assert.Equal(t.Location, row["location"]);
                Assert.Equal(DateOnly.FromDateTime(t.OccurredAt.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["local_date"]);
            }
        }

        Assert.Contains(rows, r => r["location"] == QuotedLocation);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Scores_export_matches_the_score_api(string format)
    {
        var (_, rows) = await ExportAsync("scores", format);

        foreach (var customer in seeded)
        {
            var score = (await GetAsync<CustomerScore>($"/api/customers/{customer.Id}/score"))!;
            var row = Assert.Single(rows, r => r["customer_id"] == customer.Id);
            Assert.Equal("2024-03-31", row["as_of"]);
            Assert.Equal(score.Segment, row["segment"]);
            Assert.Equal(score.ChurnStatus, row["churn_status"]);
            Assert.Equal(score.ValueTier, row["value_tier"]);
            Assert.Equal(score.Recency.ToString(CultureInfo.InvariantCulture), row["recency"]);
            Assert.Equal(score.ProbabilityAlive, Number(row["probability_alive"]));
            Assert.Equal(score.Clv, Number(row["clv"]));
        }

        Assert.Equal(12, rows.Count);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Metrics_and_segments_exports_match_the_metrics_and_segments_api(string format)
    {
        var snapshot = Assert.Single((await GetAsync<List<MetricsSnapshot>>("/api/metrics?from=2024-03-31&to=2024-03-31"))!);
        var segments = await GetAsync<JsonElement>("/api/segments");

        var (_, metrics) = await ExportAsync("metrics", format);
        var (_, segmentRows) = await ExportAsync("segments", format);

        var day = Assert.Single(metrics);
        Assert.Equal("2024-03-31", day["date"]);
        Assert.Equal(snapshot.ActiveAtStart.ToString(CultureInfo.InvariantCulture), day["active_at_start"]);
        Assert.Equal(snapshot.ChurnedDuringPeriod.ToString(CultureInfo.InvariantCulture), day["churned_during_period"]);
        Assert.Equal(snapshot.ChurnRate, Number(day["churn_rate"]));
        Assert.Equal(snapshot.RepeatPurchaseRate, Number(day["repeat_purchase_rate"]));
        Assert.Equal(snapshot.Revenue, day["revenue"].Length == 0 ? null : decimal.Parse(day["revenue"], CultureInfo.InvariantCulture));
        Assert.Equal(8.0 / 12, snapshot.ChurnRate!.Value, 6);

        var exported = segmentRows.Where(r => r["dimension"] == "segment").ToDictionary(r => r["name"], r => int.Parse(r["customers"], CultureInfo.InvariantCulture));
        var served = segments.GetProperty("segments").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(served.OrderBy(p => p.Key), exported.OrderBy(p => p.Key));
        Assert.Equal(12, segmentRows.Where(r => r["dimension"] == "tier").Sum(r => int.Parse(r["customers"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Csv_download_is_named_typed_and_excel_ready()
    {
        using var response = await host.Client.SendAsync(Payloads.Get("/api/export/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("metrics.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(ExportFiles.Utf8Bom, (await response.Content.ReadAsByteArrayAsync())[..3]);
    }

    [Fact]
    public async Task Exports_want_the_read_key_and_name_a_bad_export_or_format()
    {
        using var anonymous = await host.Client.GetAsync("/api/export/customers");
        using var unknown = await host.Client.SendAsync(Payloads.Get("/api/export/emails"));
        using var badFormat = await host.Client.SendAsync(Payloads.Get("/api/export/customers?format=xlsx"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("customers, scores, segments, metrics, transactions", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal("application/problem+json", badFormat.Content.Headers.ContentType?.MediaType);
        var problem = await badFormat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    /// <summary>The export in either format, as rows of text fields (Parquet values in the CSV's text forms).</summary>
    private async Task<(IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows)> ExportAsync(string what, string format)
    {
        using var response = await host.Client.SendAsync(Payloads.Get($"/api/export/{what}?format={format}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            return ExportFiles.ReadCsv(bytes);
        }

        var (header, rows) = await ExportFiles.ReadParquetAsync(bytes);
        var types = host.Services.GetRequiredService<AnalystExports>().Open(what, default)!.Columns.ToDictionary(c => c.Name, c => c.Type);
        return (header, [.. rows.Select(r => r.ToDictionary(p => p.Key, p => CsvExportWriter.Format(Typed(p.Value, types[p.Key]))))]);
    }

    private static object? Typed(object? value, ExportColumnType type) => (value, type) switch
    {
        (DateTime t, ExportColumnType.Date) => DateOnly.FromDateTime(t),
        (DateTime t, ExportColumnType.Timestamp) => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        _ => value,
    };

    private async Task<T?> GetAsync<T>(string path)
    {
        using var response = await host.Client.SendAsync(Payloads.Get(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web);
    }

    private static double? Number(string field) => field.Length == 0 ? null : double.Parse(field, CultureInfo.InvariantCulture);

    private string Email(int c) => $"export-{run}-{c}@example.com";
}
