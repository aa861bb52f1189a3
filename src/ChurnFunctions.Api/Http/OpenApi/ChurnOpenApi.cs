using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>The one OpenAPI document of the HTTP API, as both hosts generate it from <see cref="ChurnApiEndpoints"/>.</summary>
public static class ChurnOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddChurnOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ChurnFunctions API",
                Version = DocumentName,
                Description = "Ingest webhooks, customers, churn analytics, campaigns, exports. Each route states the key or signature it wants.",
            };
            // Relative to wherever it is served: the same document from the self-host and the Functions app.
            document.Servers = [];
            return Task.CompletedTask;
        }).AddDocumentTransformer(new RouteDocsTransformer()));

    public static async Task<string> ToJsonAsync(IOpenApiDocumentProvider provider, CancellationToken cancellationToken)
    {
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
