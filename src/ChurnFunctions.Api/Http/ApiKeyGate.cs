using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api.Http;

/// <summary>Read routes show customer data: they take an x-api-key from Api__ReadKeys (the POS keys while it is unset).</summary>
public sealed class ApiKeyGate(IOptions<ApiOptions> options)
{
    /// <summary>Null when the request carries a valid key, else the 401 to answer.</summary>
    public IResult? Check(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers.TryGetValue(ApiKeyCheck.HeaderName, out var key))
        {
            headers[ApiKeyCheck.HeaderName] = key.ToString();
        }

        return ApiKeyCheck.Check(options.Value.ReadKeyList, headers) == SignatureCheck.Valid
            ? null
            : Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", $"A valid {ApiKeyCheck.HeaderName} header is required.");
    }
}
