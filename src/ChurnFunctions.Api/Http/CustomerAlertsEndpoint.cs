using ChurnFunctions.Core.Alerts;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/{id}/alerts: the staff alerts that named the customer, newest first (read key).</summary>
public sealed class CustomerAlertsEndpoint(IAlertStore alerts, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        gate.Check(request) ?? TypedResults.Ok(await alerts.ListByCustomerAsync(id, cancellationToken));
}
