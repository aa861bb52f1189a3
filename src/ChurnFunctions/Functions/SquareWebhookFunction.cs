using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>POST /api/webhooks/square: the body and headers go to <see cref="IngestEndpoints.SquareAsync"/>, unchanged from the self-host.</summary>
public sealed class SquareWebhookFunction(IngestEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("SquareWebhook")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.SquareWebhookRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.SquareAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
