using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/model/health: the model in use checked on a holdout, through <see cref="ModelHealthEndpoint.GetAsync"/>.</summary>
public sealed class GetModelHealthFunction(ModelHealthEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetModelHealth")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.ModelHealthRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
