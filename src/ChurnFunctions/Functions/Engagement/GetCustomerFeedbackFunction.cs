using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>GET /api/customers/{id}/feedback (x-api-key): the customer's exit-survey answers, through <see cref="FeedbackEndpoints.CustomerAsync"/>.</summary>
public sealed class GetCustomerFeedbackFunction(FeedbackEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    // The {id} route value binds to the parameter of the same name.
    [Function("GetCustomerFeedback")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerFeedbackRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.CustomerAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
