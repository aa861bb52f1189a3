using ChurnFunctions.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Privacy;

/// <summary>GET /api/customers/{id}/export: every row held about the customer, through <see cref="PrivacyEndpoints.ExportAsync"/>.</summary>
public sealed class ExportCustomerFunction(PrivacyEndpoints endpoints)
{
    [Function("ExportCustomer")]
    public async Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.CustomerExportRoute)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var result = await endpoints.ExportAsync(id, request, cancellationToken);
        await result.ExecuteAsync(request.HttpContext);
    }
}
