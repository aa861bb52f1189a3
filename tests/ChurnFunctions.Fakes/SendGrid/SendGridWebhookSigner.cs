using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Fakes.SendGrid;

/// <summary>
/// Signs Event Webhook payloads the way SendGrid does: an ECDSA P-256 key pair, SHA-256 over the timestamp text
/// followed by the raw body, DER signature in base64. <see cref="PublicKeyBase64"/> is the key as SendGrid shows it
/// (base64 DER SubjectPublicKeyInfo).
/// </summary>
public sealed class SendGridWebhookSigner : IDisposable
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public SendGridWebhookSigner() => PublicKeyBase64 = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    public string PublicKeyBase64 { get; }

    /// <summary>The base64 DER signature of <paramref name="timestamp"/> + <paramref name="body"/>.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));
        return Convert.ToBase64String(
            _key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>Both headers for a POST of <paramref name="body"/> signed at <paramref name="at"/>.</summary>
    public IReadOnlyDictionary<string, string> Headers(DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            [SignatureHeader] = Sign(timestamp, body),
            [TimestampHeader] = timestamp,
        };
    }

    public void Dispose() => _key.Dispose();
}
