using ChurnFunctions.Api.Http.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>POST /api/campaigns/enroll?dryRun=true|false (admin key), through <see cref="EnrollEndpoint.PostAsync"/>.</summary>
public sealed class EnrollCampaignsFunction(EnrollEndpoint endpoint)
{
    // The shared IResult is executed on the live HttpContext (the worker writes IActionResult, not IResult).
    [Function("EnrollCampaigns")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.CampaignEnrollRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoint.PostAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
