using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>
/// Authenticates a request by its x-api-key header against a key list (<see cref="ApiOptions.KeyList"/> for sending
/// transactions). Both sides are hashed first so the constant-time comparison also hides the keys' lengths, and every
/// key is compared (no early exit).
/// </summary>
public static class ApiKeyCheck
{
    public const string HeaderName = "x-api-key";

    /// <summary>Against the POS keys; see <see cref="Check(IReadOnlyList{string}, IReadOnlyDictionary{string, string})"/>.</summary>
    public static SignatureCheck Check(ApiOptions options, IReadOnlyDictionary<string, string> headers) => Check(options.KeyList, headers);

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

        Span<byte> presentedHash = stackalloc byte[32];
        Span<byte> keyHash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()), presentedHash);
        var match = false;
        foreach (var key in keys)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(key), keyHash);
            match |= CryptographicOperations.FixedTimeEquals(presentedHash, keyHash);
        }

        return match ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }
}
