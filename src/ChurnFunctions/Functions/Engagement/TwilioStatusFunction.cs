using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>POST /api/webhooks/twilio/status: signed status callbacks, through <see cref="TwilioWebhookEndpoints.StatusAsync"/>.</summary>
public sealed class TwilioStatusFunction(TwilioWebhookEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("TwilioStatus")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.TwilioStatusRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.StatusAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
