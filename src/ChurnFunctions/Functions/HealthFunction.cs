using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/health: liveness, through <see cref="HealthEndpoint.Get"/>.</summary>
public sealed class HealthFunction(HealthEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("Health")]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.HealthRoute)] HttpRequest request) =>
        endpoint.Get().ExecuteAsync(request.HttpContext);
}
