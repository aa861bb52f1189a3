using ChurnFunctions.Api.Http.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/openapi.json: the API's OpenAPI document, generated from the endpoints the self-host maps.</summary>
public sealed class GetOpenApiFunction
{
    [Function("GetOpenApi")]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.OpenApiRoute)] HttpRequest request,
        CancellationToken cancellationToken) =>
        OpenApiEndpoint.GetAsync(request.HttpContext, cancellationToken);
}
