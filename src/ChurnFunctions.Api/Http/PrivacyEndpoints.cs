using ChurnFunctions.Core.Privacy;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/{id}/export and DELETE /api/customers/{id}, behind the admin key.</summary>
public sealed class PrivacyEndpoints(PrivacyService privacy, AdminKeyGate gate)
{
    public async Task<IResult> ExportAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        return await privacy.ExportAsync(id, AdminKeyGate.Actor(request), cancellationToken) is { } export
            ? TypedResults.Ok(export)
            : Problems.NotFound($"No customer '{id}'.");
    }

    // Idempotent: erasing someone already erased (or never known) answers 200 with zero counts.
    public async Task<IResult> EraseAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request) is { } denied)
        {
            return denied;
        }

        var outcome = await privacy.EraseAsync(id, AdminKeyGate.Actor(request), cancellationToken);
        return outcome.Refused
            ? Problems.Unavailable("Erasure needs Privacy__IdentitySalt to be set.", 3600)
            : TypedResults.Ok(new { customerId = id, erased = outcome.Counts });
    }
}
