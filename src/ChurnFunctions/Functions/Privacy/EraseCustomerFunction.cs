using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>
/// DELETE /api/customers/{id}: erases the customer everywhere, through <see cref="PrivacyEndpoints.EraseAsync"/>, and
/// once that is done (200) purges the customer's campaign orchestrations from the Durable task hub.
/// </summary>
public sealed class EraseCustomerFunction(PrivacyEndpoints endpoints, DurableCampaignHistory history)
{
    [Function("EraseCustomer")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Triggers.CustomerRoute)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.EraseAsync(id, request, cancellationToken);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            await history.PurgeAsync(client, id, cancellationToken);
        }

        await result.ExecuteAsync(request.HttpContext);
    }
}
