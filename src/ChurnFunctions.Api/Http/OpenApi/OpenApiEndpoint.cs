using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Api.Http.OpenApi;

/// <summary>
/// GET /api/openapi.json, open like health (it names routes, never data): the host's own generated document where it
/// maps the endpoints (the self-host), else the same endpoints mapped for documentation (<see cref="MappedOpenApiDocument"/>).
/// </summary>
public static class OpenApiEndpoint
{
    public static async Task GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var json = context.RequestServices.GetKeyedService<IOpenApiDocumentProvider>(ChurnOpenApi.DocumentName) is { } provider
            ? await ChurnOpenApi.ToJsonAsync(provider, cancellationToken)
            : await MappedOpenApiDocument.GetJsonAsync(cancellationToken);
        await TypedResults.Text(json, "application/json; charset=utf-8").ExecuteAsync(context);
    }
}
