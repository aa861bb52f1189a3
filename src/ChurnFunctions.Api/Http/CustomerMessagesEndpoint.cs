using ChurnFunctions.Core.Customers;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/{id}/messages: the campaign messages sent or tried to the customer, newest first (read key).</summary>
public sealed class CustomerMessagesEndpoint(CustomerMessageQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken) =>
        gate.Check(request) ?? TypedResults.Ok(await queries.ListAsync(id, cancellationToken));
}
