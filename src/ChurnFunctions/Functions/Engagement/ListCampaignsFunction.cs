using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>GET /api/campaigns (x-api-key): every definition, through <see cref="CampaignEndpoints.ListAsync"/>.</summary>
public sealed class ListCampaignsFunction(CampaignEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("ListCampaigns")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CampaignsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.ListAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
