using ChurnFunctions.Core.Customers;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

public sealed class CustomerEndpoints(CustomerQueries queries, ApiKeyGate gate)
{
    public async Task<IResult> GetAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return await queries.GetAsync(id, cancellationToken) is { } customer
            ? TypedResults.Ok(customer)
            : Problems.NotFound($"No customer '{id}'.");
    }

    public async Task<IResult> FindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        string? email = request.Query["email"];
        string? phone = request.Query["phone"];
        string? platformId = request.Query["platformId"];
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(platformId))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["email"] = ["Give email, phone or platformId."] });
        }

        return await queries.FindAsync(email, phone, platformId, cancellationToken) is { } customer
            ? TypedResults.Ok(customer)
            : Problems.NotFound("No customer has that email, phone or platform id.");
    }
}
