using ChurnFunctions.Api.Http.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>GET /api/campaigns/schema: the campaign definition's JSON Schema, through <see cref="CampaignSchemaEndpoint.Get"/>.</summary>
public sealed class GetCampaignSchemaFunction(CampaignSchemaEndpoint endpoint)
{
    // The shared IResult is executed on the live HttpContext (the worker writes IActionResult, not IResult).
    [Function("GetCampaignSchema")]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CampaignSchemaRoute)] HttpRequest request) =>
        endpoint.Get().ExecuteAsync(request.HttpContext);
}
