using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Api.Http;

/// <summary>Admin routes (export and erasure) take an x-api-key from Api__AdminKeys only; unset, they refuse everyone.</summary>
public sealed class AdminKeyGate(IOptions<ApiOptions> options)
{
    /// <summary>Null when the request carries a valid admin key, else the 401 to answer.</summary>
    public IResult? Check(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers.TryGetValue(ApiKeyCheck.HeaderName, out var key))
        {
            headers[ApiKeyCheck.HeaderName] = key.ToString();
        }

        return ApiKeyCheck.Check(options.Value.AdminKeyList, headers) == SignatureCheck.Valid
            ? null
            : Problems.Status(StatusCodes.Status401Unauthorized, "Unauthorized.", $"A valid admin {ApiKeyCheck.HeaderName} header is required.");
    }

    /// <summary>Who asked, for the audit: the scope and a short fingerprint of the key, never the key.</summary>
    public static string Actor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers[ApiKeyCheck.HeaderName].ToString();
        return "admin-key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 4);
    }
}
