using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>GET /api/campaigns/{id} (x-api-key): one definition, through <see cref="CampaignEndpoints.GetAsync"/>.</summary>
public sealed class GetCampaignFunction(CampaignEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    // The {id} route value binds to the parameter of the same name.
    [Function("GetCampaign")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CampaignRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.GetAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
