using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.SendGrid.Events;

/// <summary>
/// Verifies the Signed Event Webhook: an ECDSA P-256 / SHA-256 signature (DER, base64, header
/// <see cref="SignatureHeader"/>) over the timestamp header's text followed by the raw request body.
/// </summary>
public sealed class SendGridEventVerifier(IOptions<SendGridOptions> options, TimeProvider timeProvider)
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private const int StackLimit = 512;

    /// <summary>
    /// Verifies with the configured <see cref="SendGridOptions.EventWebhookPublicKey"/> and, when set,
    /// <see cref="SendGridOptions.EventWebhookMaxAge"/>. False when no key is configured.
    /// </summary>
    public bool Verify(string? signatureBase64, string? timestamp, ReadOnlySpan<byte> body)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.EventWebhookPublicKey))
        {
            return false;
        }

        if (settings.EventWebhookMaxAge is { } maxAge && !IsFresh(timestamp, maxAge))
        {
            return false;
        }

        return Verify(settings.EventWebhookPublicKey, signatureBase64, timestamp, body);
    }

    /// <summary>
    /// True when <paramref name="signatureBase64"/> signs <paramref name="timestamp"/> + <paramref name="body"/> under
    /// the key. A missing or malformed signature or timestamp is false; a malformed key is a configuration error.
    /// </summary>
    /// <exception cref="ArgumentException">The public key is not base64 DER SubjectPublicKeyInfo (or PEM) of a P-256 key.</exception>
    public static bool Verify(string publicKeyBase64, string? signatureBase64, string? timestamp, ReadOnlySpan<byte> body)
    {
        using var key = ImportPublicKey(publicKeyBase64);
        if (string.IsNullOrWhiteSpace(signatureBase64) || string.IsNullOrWhiteSpace(timestamp))
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var length = Encoding.UTF8.GetByteCount(timestamp) + body.Length;
        byte[]? rented = null;
        var signed = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(timestamp, signed);
            body.CopyTo(signed[written..]);
            return key.VerifyData(signed[..length], signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when <paramref name="publicKeyBase64"/> is a usable verification key (for options validation).</summary>
    public static bool IsValidPublicKey(string? publicKeyBase64)
    {
        try
        {
            using var key = ImportPublicKey(publicKeyBase64!);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private bool IsFresh(string? timestamp, TimeSpan maxAge)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() <= maxAge;
    }

    private static ECDsa ImportPublicKey(string publicKeyBase64)
    {
        const string Problem = "The Event Webhook public key must be base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key.";
        if (string.IsNullOrWhiteSpace(publicKeyBase64))
        {
            throw new ArgumentException(Problem, nameof(publicKeyBase64));
        }

        var key = ECDsa.Create();
        try
        {
            var text = publicKeyBase64.Trim();
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(text);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text), out _);
            }

            if (key.KeySize != 256)
            {
                throw new ArgumentException(Problem, nameof(publicKeyBase64));
            }

            return key;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException(Problem, nameof(publicKeyBase64), ex);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
