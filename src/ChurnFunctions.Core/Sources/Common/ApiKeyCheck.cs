using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>Authenticates a request by its x-api-key header against the keys of one <see cref="ApiKeyScope"/>.</summary>
public static class ApiKeyCheck
{
    public const string HeaderName = "x-api-key";

    /// <summary>Against the ingest keys (<see cref="ApiOptions.Keys"/>), as the POS and import routes check.</summary>
    public static SignatureCheck Check(ApiOptions options, IReadOnlyDictionary<string, string> headers) =>
        Check(options.KeysFor(ApiKeyScope.Ingest), headers);

    /// <summary>No keys configured -> Invalid (fail closed); no header -> Missing; otherwise Valid or Invalid.</summary>
    public static SignatureCheck Check(IReadOnlyList<string> keys, IReadOnlyDictionary<string, string> headers)
    {
        if (keys.Count == 0)
        {
            return SignatureCheck.Invalid;
        }

        var presented = HeaderLookup.Find(headers, HeaderName);
        if (string.IsNullOrEmpty(presented))
        {
            return SignatureCheck.Missing;
        }

        return Matches(presented.Trim(), keys) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    /// <summary>
    /// Whether <paramref name="presented"/> equals one of <paramref name="keys"/>, in time that depends on neither:
    /// both sides are hashed to 32 bytes first, so the fixed-time comparison hides the keys' lengths too, and every
    /// key is compared (no early exit on a match).
    /// </summary>
    public static bool Matches(string presented, IReadOnlyList<string> keys)
    {
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> keyHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        var match = false;
        foreach (var key in keys)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key), keyHash);
            match |= CryptographicOperations.FixedTimeEquals(presentedHash, keyHash);
        }

        return match;
    }
}
