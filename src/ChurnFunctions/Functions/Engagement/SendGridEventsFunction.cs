using ChurnFunctions.Api.Http.Engagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Engagement;

/// <summary>POST /api/webhooks/sendgrid: the signed Event Webhook, through <see cref="SendGridWebhookEndpoint.PostAsync"/>.</summary>
public sealed class SendGridEventsFunction(SendGridWebhookEndpoint endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("SendGridEvents")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.SendGridWebhookRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.PostAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
