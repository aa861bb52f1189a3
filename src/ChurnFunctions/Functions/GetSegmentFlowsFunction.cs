using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>GET /api/segments/flows: customers moving between segments from one run to the next, through <see cref="SegmentFlowsEndpoint.GetAsync"/>.</summary>
public sealed class GetSegmentFlowsFunction(SegmentFlowsEndpoint endpoint)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("GetSegmentFlows")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.SegmentFlowsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
