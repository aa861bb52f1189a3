using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources;

/// <summary>
/// Checks a base64 HMAC-SHA256 signature header. Shopify and WooCommerce sign the raw body; Square signs the
/// notification URL followed by the raw body, hence the optional prefix.
/// </summary>
internal static class HmacSignature
{
    private const int HashBytes = 32;

    /// <summary>
    /// No secret -> <see cref="SignatureCheck.Invalid"/> (fail closed: an unconfigured source accepts nothing);
    /// no header -> <see cref="SignatureCheck.Missing"/>; otherwise Valid or Invalid, compared in constant time.
    /// </summary>
    public static SignatureCheck Check(string? secret, string? signature, string? signedPrefix, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.Invalid;
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.Missing;
        }

        Span<byte> claimed = stackalloc byte[HashBytes + 3];
        if (!Convert.TryFromBase64String(signature.Trim(), claimed, out var claimedLength) || claimedLength != HashBytes)
        {
            return SignatureCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        Compute(secret, signedPrefix, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed[..HashBytes])
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid;
    }

    private static void Compute(string secret, string? signedPrefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            if (string.IsNullOrEmpty(signedPrefix))
            {
                HMACSHA256.HashData(key, body, destination);
                return;
            }

            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            var prefix = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(signedPrefix.Length));
            try
            {
                var length = Encoding.UTF8.GetBytes(signedPrefix, prefix);
                hmac.AppendData(prefix.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(prefix);
            }

            hmac.AppendData(body);
            hmac.GetHashAndReset(destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
