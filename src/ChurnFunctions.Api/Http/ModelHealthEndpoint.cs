using System.Globalization;
using ChurnFunctions.Core.ModelHealth;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/model/health?weeks=: the model in use checked on the last weeks held out (tracking and calibration).</summary>
public sealed class ModelHealthEndpoint(ModelHealthQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        int? weeks = null;
        if (request.Query.TryGetValue("weeks", out var text))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > ModelHealthQueries.MaxWeeks)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["weeks"] = [$"Use a number of holdout weeks from 1 to {ModelHealthQueries.MaxWeeks}."] });
            }

            weeks = value;
        }

        return await queries.GetAsync(weeks, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound("No scoring run yet: the check ends on the latest run's day.");
    }
}
