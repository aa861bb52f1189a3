using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions;

/// <summary>POST /api/webhooks/shopify: the body and headers go to <see cref="IngestEndpoints.ShopifyAsync"/>, unchanged from the self-host.</summary>
public sealed class ShopifyWebhookFunction(IngestEndpoints endpoints)
{
    // The worker writes IActionResult return values, not IResult: the shared IResult is executed on the live HttpContext.
    [Function("ShopifyWebhook")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.ShopifyWebhookRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.ShopifyAsync(request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
