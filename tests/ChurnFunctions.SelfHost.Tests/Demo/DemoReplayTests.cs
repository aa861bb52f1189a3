using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using ChurnFunctions.SelfHost.Demo;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.SelfHost.Tests.Demo;

/// <summary>
/// `churn demo`'s replay on a small CDNOW-format file (40 buyers, January to mid-April 1997) against its own Azurite
/// and the self-host on Kestrel: the summary equals what the API returns, and campaign wake-ups ran on the simulated clock.
/// </summary>
public sealed class DemoReplayTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Key = "demo-test-key-0123456789abcdef";
    private static readonly DateOnly First = new(1997, 1, 1);
    private static readonly DateOnly Last = new(1997, 4, 15);
    private readonly AzuriteFixture azurite;
    private readonly string file = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.txt");

    public DemoReplayTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        File.WriteAllText(file, SyntheticCdnow());
    }

    public void Dispose() => File.Delete(file);

    [Fact]
    public async Task Replay_summary_equals_the_api_and_wake_ups_follow_the_simulated_clock()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var demo = DemoHost.Build(url, azurite.ConnectionString, Key, DateTimeOffset.UnixEpoch);
        await using var app = demo.App;
        var data = DemoTransactions.Read(
            app.Services.GetRequiredService<FileEnvelopeReader>(), app.Services.GetRequiredService<SourceNormalizerRegistry>(),
            file, ImportFormat.Cdnow, sample: null);
        Assert.Equal(40, data.BuyersKept);
        demo.Clock.AdvanceTo(DemoDriver.StartOf(data));
        await app.StartAsync();
        Assert.Equal(PortState.ChurnServer, await PortProbe.ProbeAsync(port, CancellationToken.None));

        var steps = new List<DemoProgress>();
        var summary = await demo.Driver.RunAsync(data, 7, new SynchronousProgressRecorder(steps), CancellationToken.None);

        Assert.Equal(data.Rows, summary.RowsStored);
        var last = data.Days[^1].Day;
        Assert.Equal(last, summary.ScoredAsOf);
        Assert.Equal(last, steps[^1].Day);
        Assert.All(steps.Zip(steps.Skip(1)).SkipLast(1), pair => Assert.Equal(pair.First.Day.AddDays(7), pair.Second.Day));

        using var http = new HttpClient { BaseAddress = new Uri(url + "/api/") };
        http.DefaultRequestHeaders.Add("x-api-key", Key);
        var day = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var snapshot = Assert.Single((await http.GetFromJsonAsync<JsonElement>($"metrics?from={day}&to={day}")).EnumerateArray());
        Assert.Equal(40, summary.Customers);
        Assert.Equal(snapshot.GetProperty("customers").GetInt32(), summary.Customers);
        Assert.Equal(snapshot.GetProperty("churnRate").GetDouble(), summary.ChurnRate);
        Assert.Equal(snapshot.GetProperty("tiers").TryGetProperty("at-risk", out var atRisk) ? atRisk.GetInt32() : 0, summary.AtRisk);

        var outbox = (await http.GetFromJsonAsync<JsonElement>("outbox?kind=campaign&max=1000")).EnumerateArray().ToList();
        Assert.Equal(outbox.Count, summary.MessagesSent);
        Assert.Equal(outbox.Count, summary.MessagesByChannel["email"]);
        Assert.All(outbox, m => Assert.EndsWith("@" + DemoTransactions.DemoEmailDomain, m.GetProperty("to").GetString()));

        foreach (var campaign in summary.Campaigns)
        {
            var report = await http.GetFromJsonAsync<JsonElement>($"campaigns/{campaign.CampaignId}/report");
            Assert.Equal(report.GetProperty("treatment").GetProperty("entered").GetInt32(), campaign.Treatment.Entered);
            Assert.Equal(report.GetProperty("holdout").GetProperty("entered").GetInt32(), campaign.Holdout.Entered);
            Assert.Equal(report.GetProperty("treatment").GetProperty("converted").GetInt32(), campaign.Treatment.Converted);
            Assert.True(campaign.Treatment.Entered > 0, $"{campaign.CampaignId}: nobody entered");
        }

        // Every message is dated in simulated time, and each win-back reminder a full wait after its offer.
        var sent = outbox.Select(m => (SendId: m.GetProperty("sendId").GetString()!, At: m.GetProperty("recordedAt").GetDateTimeOffset())).ToList();
        Assert.All(sent, m => Assert.InRange(m.At, DemoDriver.StartOf(data), summary.SimulatedNow));
        var offers = sent.Where(m => m.SendId.Contains(DemoCampaigns.WinBackId, StringComparison.Ordinal) && m.SendId.EndsWith(":offer", StringComparison.Ordinal))
            .ToDictionary(m => m.SendId[..^":offer".Length], m => m.At);
        var reminders = sent.Where(m => m.SendId.Contains(DemoCampaigns.WinBackId, StringComparison.Ordinal) && m.SendId.EndsWith(":reminder", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.True(
            r.At - offers[r.SendId[..^":reminder".Length]] >= DemoCampaigns.WinBackWait,
            $"{r.SendId} at {r.At:O} comes less than {DemoCampaigns.WinBackWait} after its offer"));
        Assert.False(demo.WakeUps.NextDueAt <= summary.SimulatedNow, "a wake-up due by the end was left undelivered");
    }

    /// <summary>
    /// 20 regulars buying every 7 days throughout, 20 who buy every 5 days in January only: by March the model calls
    /// the second kind lapsed (P(alive) under the win-back's 0.3), and both kinds reach 30 days after a purchase.
    /// </summary>
    private static string SyntheticCdnow()
    {
        var rows = new List<(int Id, DateOnly Day, decimal Value)>();
        for (var id = 1; id <= 40; id++)
        {
            var regular = id % 2 == 0;
            var until = regular ? Last : new DateOnly(1997, 1, 31);
            for (var day = First.AddDays(id % 5); day <= until; day = day.AddDays(regular ? 7 : 5))
            {
                rows.Add((id, day, 10m + id));
            }
        }

        var text = new StringBuilder(" customer_id  date number_of_cds  dollar_value\n");
        foreach (var (id, day, value) in rows.OrderBy(r => r.Id).ThenBy(r => r.Day))
        {
            text.Append(CultureInfo.InvariantCulture, $" {id:00000} {day:yyyyMMdd}  1   {value:0.00}\n");
        }

        return text.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SynchronousProgressRecorder(List<DemoProgress> steps) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => steps.Add(value);
    }
}
