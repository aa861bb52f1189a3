using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>POST /api/feedback: an exit-survey answer with its signed token, through <see cref="FeedbackEndpoints.SubmitAsync"/>.</summary>
public sealed class SubmitFeedbackFunction(FeedbackEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("SubmitFeedback")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.FeedbackRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.SubmitAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
