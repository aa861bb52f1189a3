using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Privacy;
using ChurnFunctions.Core.Sources;
using Microsoft.AspNetCore.Http;

namespace ChurnFunctions.Api.Http;

/// <summary>GET /api/customers/{id}/export and DELETE /api/customers/{id}, behind the admin key (Api__AdminKeys only).</summary>
public sealed class PrivacyEndpoints(PrivacyService privacy, ApiKeyGate gate)
{
    public async Task<IResult> ExportAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request, ApiKeyScope.Admin) is { } denied)
        {
            return denied;
        }

        return await privacy.ExportAsync(id, Actor(request), cancellationToken) is { } export
            ? TypedResults.Ok(export)
            : Problems.NotFound($"No customer '{id}'.");
    }

    // Idempotent: erasing someone already erased (or never known) answers 200 with zero counts.
    public async Task<IResult> EraseAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gate.Check(request, ApiKeyScope.Admin) is { } denied)
        {
            return denied;
        }

        var outcome = await privacy.EraseAsync(id, Actor(request), cancellationToken);
        return outcome.Refused
            ? Problems.Unavailable("Erasure needs Privacy__IdentitySalt to be set.", 3600)
            : TypedResults.Ok(new { customerId = id, erased = outcome.Counts });
    }

    /// <summary>Who asked, for the audit: the scope and a short fingerprint of the key, never the key.</summary>
    private static string Actor(HttpRequest request) =>
        "admin-key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Headers[ApiKeyCheck.HeaderName].ToString())), 0, 4);
}
