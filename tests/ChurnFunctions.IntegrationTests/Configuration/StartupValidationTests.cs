using System.Net;
using System.Text.Json;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.SelfHost;
using ChurnFunctions.Testing;
using Microsoft.Extensions.Logging;

namespace ChurnFunctions.IntegrationTests.Configuration;

/// <summary>
/// `churn serve` refuses a bad setting when it starts, naming the setting, instead of answering 500 once a request
/// reads it; blanks from a deployed template are unset; API keys given in the array form open their routes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupValidationTests(AzuriteFixture azurite)
{
    private const string ArrayKey = "pos-array-key-7d2e91c4";

    public static TheoryData<string, string> BadSettings()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (settings, named) in SettingCases.Bad)
        {
            cases.Add(settings, named);
        }

        // The self-host's own queue listener (in Azure, host.json holds these).
        cases.Add("Queues:BatchSize=64", "Queues:BatchSize (Queues__BatchSize)");
        cases.Add("Queues:NewBatchThreshold=20", "Queues:NewBatchThreshold (Queues__NewBatchThreshold)");
        // Read when the host is built (it decides whether there is a pipeline at all), so checked there.
        cases.Add("OTEL_EXPORTER_OTLP_ENDPOINT=collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT");
        return cases;
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_stops_on_a_bad_setting_naming_it(string settings, string named)
    {
        var failure = await StartFailureAsync(SettingCases.Parse(settings));

        Assert.Contains(named, SettingCases.Describe(failure));
    }

    [Fact]
    public async Task Start_takes_the_blanks_a_deployed_template_leaves_as_unset()
    {
        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false, settings: new Dictionary<string, string?>(SettingCases.DeployedBlanks));

        // No keys configured: keyed routes refuse (fail closed) rather than fail.
        using var read = Payloads.Get("/api/customers/cdoesnotexist");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task Start_takes_every_value_of_the_sample_settings()
    {
        using var sample = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;

        await using var host = await SelfHostRunner.StartAsync(azurite.ConnectionString, listenToQueues: false, settings: settings);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Keys_in_the_array_form_open_their_routes_and_nothing_else_does()
    {
        await using var host = await SelfHostRunner.StartAsync(
            azurite.ConnectionString,
            listenToQueues: false,
            settings: new Dictionary<string, string?> { ["Api:Keys"] = null, ["Api:Keys:0"] = "pos-other-key-0123456789", ["Api:Keys:1"] = ArrayKey });

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.SendAsync(Read(ArrayKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(Read(ArrayKey, "/api/outbox"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(Read(key: null, "/api/outbox"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(Read(Secrets.ApiKey, "/api/outbox"))).StatusCode);
    }

    private static HttpRequestMessage Read(string? key, string path = "/api/customers/cdoesnotexist")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return request;
    }

    private async Task<Exception> StartFailureAsync(Dictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, ["Api:Keys"] = Secrets.ApiKey };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        Microsoft.AspNetCore.Builder.WebApplication? app = null;
        try
        {
            app = ChurnHost.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Logging.SetMinimumLevel(LogLevel.None), values);
            await app.StartAsync();
            await app.StopAsync();
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        throw new Xunit.Sdk.XunitException("The host started.");
    }
}
