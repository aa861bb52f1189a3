using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>POST /api/campaigns (x-api-key): validate and store a definition, through <see cref="CampaignEndpoints.SaveAsync"/>.</summary>
public sealed class SaveCampaignFunction(CampaignEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("SaveCampaign")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.CampaignsRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.SaveAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
