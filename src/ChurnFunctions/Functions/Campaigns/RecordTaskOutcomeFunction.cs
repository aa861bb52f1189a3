using ChurnFunctions.Api.Http.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>POST /api/tasks/{id}/outcome (read or admin key): a call's outcome, through <see cref="StaffTaskEndpoints.OutcomeAsync"/>.</summary>
public sealed class RecordTaskOutcomeFunction(StaffTaskEndpoints endpoints)
{
    // The shared IResult is executed on the live HttpContext (the worker writes IActionResult, not IResult).
    [Function("RecordTaskOutcome")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.TaskOutcomeRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.OutcomeAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
