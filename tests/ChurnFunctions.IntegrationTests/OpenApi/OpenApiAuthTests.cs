using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChurnFunctions.IntegrationTests.Support;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.OpenApi;

/// <summary>
/// The auth GET /api/openapi.json states for each route is what the route enforces on a self-host whose ingest, read
/// and admin keys all differ: without credentials a secured route answers 401 and an open one does not; each key the
/// document names opens the route, and every other key is refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiAuthTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ReadKey = "openapi-read-key-0001";
    private const string AdminKey = "openapi-admin-key-0001";
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["ingestKey"] = Secrets.ApiKey,
        ["readKey"] = ReadKey,
        ["adminKey"] = AdminKey,
    };

    private SelfHostRunner host = null!;

    public async Task InitializeAsync() => host = await SelfHostRunner.StartAsync(
        azurite.ConnectionString,
        listenToQueues: false,
        settings: new Dictionary<string, string?> { ["Api:ReadKeys"] = ReadKey, ["Api:AdminKeys"] = AdminKey });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Every_route_answers_to_the_keys_its_document_entry_states_and_refuses_the_others()
    {
        var document = JsonNode.Parse(await host.Client.GetStringAsync("/api/openapi.json"))!;
        var checkedRoutes = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = operation!["operationId"]!.GetValue<string>();
                var requirements = operation["security"]!.AsArray().Select(r => r!.AsObject().Select(s => s.Key).ToList()).ToList();
                var url = Fill(path);
                if (requirements.Any(r => r.Count == 0))
                {
                    // Open (the survey answer's token is in its body, so a bad body is its 401, not a missing key).
                    if (name != "SubmitFeedback")
                    {
                        Assert.NotEqual(HttpStatusCode.Unauthorized, await SendAsync(method, url, key: null));
                    }

                    checkedRoutes++;
                    continue;
                }

                Assert.True(HttpStatusCode.Unauthorized == await SendAsync(method, url, key: null), $"{name} answers without credentials");
                var named = requirements.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
                foreach (var (scheme, key) in Keys)
                {
                    var status = await SendAsync(method, url, key);
                    Assert.True(named.Contains(scheme) == (status != HttpStatusCode.Unauthorized), $"{name} with the {scheme}: {(int)status}");
                }

                checkedRoutes++;
            }
        }

        Assert.Equal(ChurnFunctions.Core.Triggers.Triggers.Http.Count, checkedRoutes);
    }

    // Path parameters with values that exist nowhere: a route gets past its key check and finds nothing.
    private static string Fill(string path) => path
        .Replace("{id}", "openapi-auth-nobody", StringComparison.Ordinal)
        .Replace("{what}", "segments", StringComparison.Ordinal)
        .Replace("{path}", "index.html", StringComparison.Ordinal);

    private async Task<HttpStatusCode> SendAsync(string method, string url, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (method is "post" or "put")
        {
            // An empty object (Twilio posts forms: an empty form): past the key, every write refuses it as invalid,
            // so nothing is stored.
            request.Content = url.Contains("/twilio/", StringComparison.Ordinal)
                ? new FormUrlEncodedContent([])
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
