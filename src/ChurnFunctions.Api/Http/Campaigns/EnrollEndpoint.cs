using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Enrollment;
using ChurnFunctions.Core.Ingest;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Campaigns;

/// <summary>
/// POST /api/campaigns/enroll?dryRun=true|false (admin key): the daily enrollment now. dryRun is required, so no one
/// starts a campaign by leaving it out; true lists who would enter which campaign and why, and writes and sends nothing.
/// </summary>
public sealed class EnrollEndpoint(CampaignEnrollmentJob job, ApiKeyGate gate)
{
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request, ApiKeyScope.Admin) is { } denied)
        {
            return denied;
        }

        if (!bool.TryParse(request.Query["dryRun"].ToString(), out var dryRun))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["dryRun"] = ["Required: true (list who would enter, start nothing) or false (enroll now)."] });
        }

        return TypedResults.Json(await job.RunAsync(dryRun, cancellationToken), CampaignJson.Options);
    }
}
