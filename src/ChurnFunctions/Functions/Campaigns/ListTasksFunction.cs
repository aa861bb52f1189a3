using ChurnFunctions.Api.Http.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>GET /api/tasks?status= (read key): the staff call list, through <see cref="StaffTaskEndpoints.ListAsync"/>.</summary>
public sealed class ListTasksFunction(StaffTaskEndpoints endpoints)
{
    // The shared IResult is executed on the live HttpContext (the worker writes IActionResult, not IResult).
    [Function("ListTasks")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.TasksRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.ListAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
