using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api.Http;

/// <summary>
/// The x-api-key check of a route, per scope (<see cref="ApiOptions.KeysFor"/>): read routes take Api__ReadKeys
/// (Api__Keys while it is unset), admin routes (export, erasure) only Api__AdminKeys and, while it is unset, nothing.
/// </summary>
public sealed class ApiKeyGate(IOptions<ApiOptions> options)
{
    /// <summary>Null when the request carries a valid key of <paramref name="scope"/>, else the 401 to answer.</summary>
    public IResult? Check(HttpRequest request, ApiKeyScope scope = ApiKeyScope.Read)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers.TryGetValue(ApiKeyCheck.HeaderName, out var key))
        {
            headers[ApiKeyCheck.HeaderName] = key.ToString();
        }

        return ApiKeyCheck.Check(options.Value.KeysFor(scope), headers) == SignatureCheck.Valid
            ? null
            : Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", $"A valid {ApiKeyCheck.HeaderName} header is required.");
    }
}
