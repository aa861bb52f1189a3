using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>
/// DELETE /api/customers/{id}: erases the customer everywhere, through <see cref="PrivacyEndpoints.EraseAsync"/>; the
/// Durable task hub follows through <see cref="QueuedCampaignPurges"/> and <see cref="CampaignPurgeFunction"/>.
/// </summary>
public sealed class EraseCustomerFunction(PrivacyEndpoints endpoints)
{
    [Function("EraseCustomer")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Triggers.CustomerRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.EraseAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
