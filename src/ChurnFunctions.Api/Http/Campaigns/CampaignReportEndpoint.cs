using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Reporting;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http.Campaigns;

/// <summary>GET /api/campaigns/{id}/report (x-api-key): both groups, per-step counts and the uplift with its 95% interval.</summary>
public sealed class CampaignReportEndpoint(ICampaignDefinitionStore definitions, CampaignReporter reporter, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        if (await definitions.GetAsync(id, cancellationToken) is not { } definition)
        {
            return Problems.NotFound($"No campaign '{id}'.");
        }

        return TypedResults.Json(await reporter.BuildAsync(definition, cancellationToken), CampaignJson.Options);
    }
}
