using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>POST /api/webhooks/twilio/inbound: signed incoming SMS, answered with empty TwiML, through <see cref="TwilioWebhookEndpoints.InboundAsync"/>.</summary>
public sealed class TwilioInboundFunction(TwilioWebhookEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("TwilioInbound")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.TwilioInboundRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.InboundAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
