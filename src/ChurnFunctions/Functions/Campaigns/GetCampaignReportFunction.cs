using ChurnFunctions.Api.Http.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>GET /api/campaigns/{id}/report (x-api-key), through <see cref="CampaignReportEndpoint.GetAsync"/>.</summary>
public sealed class GetCampaignReportFunction(CampaignReportEndpoint endpoint)
{
    // The shared IResult is executed on the live HttpContext (the worker writes IActionResult, not IResult).
    [Function("GetCampaignReport")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CampaignReportRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.GetAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
