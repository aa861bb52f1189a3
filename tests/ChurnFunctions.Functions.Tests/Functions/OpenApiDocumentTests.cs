using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChurnFunctions.Api.Http.OpenApi;
using ChurnFunctions.Testing;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Tests.Functions;

/// <summary>
/// GET /api/openapi.json: the Functions app and the self-host serve one generated document, and it lists exactly the
/// trigger table's HTTP routes with their methods.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FunctionApp app = null!;
    private ComparisonSelfHost selfHost = null!;

    public async Task InitializeAsync()
    {
        app = FunctionApp.Create(azurite.ConnectionString);
        selfHost = await ComparisonSelfHost.StartAsync(azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await selfHost.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Functions_app_serves_the_same_document_as_the_self_host()
    {
        var request = FunctionRequest.Read(Triggers.OpenApiRoute);

        var functions = await app.InvokeHttpAsync("GetOpenApi", request);
        var self = await selfHost.SendAsync(request);

        Assert.Equal(200, self.Status);
        Assert.Equal("application/json", self.MediaType);
        Assert.Equal(200, functions.Status);
        Assert.Equal("application/json", functions.MediaType);
        Assert.True(JsonNode.DeepEquals(self.Json, functions.Json), $"self-host: {self.Body}\nfunctions: {functions.Body}");
    }

    [Fact]
    public async Task Document_lists_exactly_the_trigger_tables_http_routes_and_methods()
    {
        var document = (await app.InvokeHttpAsync("GetOpenApi", FunctionRequest.Read(Triggers.OpenApiRoute))).Json!;

        var listed = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var table = Triggers.Http.Select(t => $"{t.Method} {OpenApiPath(t.Route)}").Order(StringComparer.Ordinal);

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(table, listed);
    }

    [Fact]
    public async Task Every_operation_is_named_after_its_trigger_and_declares_its_path_parameters()
    {
        var document = (await app.InvokeHttpAsync("GetOpenApi", FunctionRequest.Read(Triggers.OpenApiRoute))).Json!;

        foreach (var trigger in Triggers.Http)
        {
            var operation = document["paths"]![OpenApiPath(trigger.Route)]![trigger.Method.ToLowerInvariant()]!;
            Assert.Equal(trigger.Name, operation["operationId"]!.GetValue<string>());
            foreach (var name in Regex.Matches(trigger.Route, "{\\*?([a-z]+)}").Select(m => m.Groups[1].Value))
            {
                var parameters = operation["parameters"]!.AsArray();
                Assert.Contains(parameters, p => p!["name"]!.GetValue<string>() == name && p["in"]!.GetValue<string>() == "path");
            }
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_states_the_key_or_signature_it_takes()
    {
        var document = (await app.InvokeHttpAsync("GetOpenApi", FunctionRequest.Read(Triggers.OpenApiRoute))).Json!;
        var schemes = document["components"]!["securitySchemes"]!.AsObject();

        Assert.Equal(Triggers.Http.Select(t => t.Name).Order(StringComparer.Ordinal), RouteDocs.ByTrigger.Keys.Order(StringComparer.Ordinal));
        foreach (var trigger in Triggers.Http)
        {
            var operation = document["paths"]![OpenApiPath(trigger.Route)]![trigger.Method.ToLowerInvariant()]!;
            Assert.Equal(RouteDocs.ByTrigger[trigger.Name].Summary, operation["summary"]!.GetValue<string>());
            var requirements = operation["security"]!.AsArray();
            Assert.NotEmpty(requirements);
            Assert.All(requirements.SelectMany(r => r!.AsObject()), scheme => Assert.True(schemes.ContainsKey(scheme.Key), $"{trigger.Name}: {scheme.Key}"));
        }

        Assert.Equal("adminKey", document["paths"]!["/api/campaigns/enroll"]!["post"]!["security"]![0]!.AsObject().Single().Key);
        Assert.Empty(document["paths"]!["/api/health"]!["get"]!["security"]![0]!.AsObject());
    }

    // OpenAPI path templates have no catch-all: ASP.NET Core writes "{*path}" as "{path}".
    private static string OpenApiPath(string route) => "/api/" + route.Replace("{*", "{", StringComparison.Ordinal);
}
