using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Engagement;

/// <summary>
/// Signed exit-survey tokens, one per customer: base64url("{customerId}|{expiry unix seconds}") + "." +
/// base64url(HMAC-SHA256(key, first part)). Verification compares in constant time, and checks expiry only once the
/// signature holds. Campaign emails put the token into the survey link.
/// </summary>
public sealed class FeedbackLinks(IOptions<FeedbackOptions> options, TimeProvider time)
{
    private const char Separator = '|';

    /// <summary>A token for <paramref name="customerId"/> valid for <see cref="FeedbackOptions.LinkLifetime"/> from now.</summary>
    public string Create(string customerId) => Create(customerId, time.GetUtcNow() + options.Value.LinkLifetime);

    /// <exception cref="InvalidOperationException">No <see cref="FeedbackOptions.SigningKey"/> is configured.</exception>
    public string Create(string customerId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var key = Key() ?? throw new InvalidOperationException($"Set {FeedbackOptions.SectionName}:SigningKey to make survey links.");
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            customerId + Separator + expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return payload + "." + Base64Url.EncodeToString(Sign(key, payload));
    }

    public FeedbackTokenCheck Verify(string? token)
    {
        var key = Key();
        if (key is null)
        {
            return new(FeedbackTokenStatus.NotConfigured);
        }

        if (!TryParse(token, out var payload, out var signature, out var customerId, out var expiresAt))
        {
            return new(FeedbackTokenStatus.Malformed);
        }

        if (!CryptographicOperations.FixedTimeEquals(Sign(key, payload), signature))
        {
            return new(FeedbackTokenStatus.BadSignature);
        }

        return time.GetUtcNow() >= expiresAt
            ? new(FeedbackTokenStatus.Expired, null, expiresAt)
            : new(FeedbackTokenStatus.Valid, customerId, expiresAt);
    }

    private byte[]? Key() => options.Value.IsConfigured ? Encoding.UTF8.GetBytes(options.Value.SigningKey!) : null;

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload));

    private static bool TryParse(string? token, out string payload, out byte[] signature, out string customerId, out DateTimeOffset expiresAt)
    {
        payload = customerId = string.Empty;
        signature = [];
        expiresAt = default;
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 2 } || parts[0].Length == 0 || parts[1].Length == 0
            || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return false;
        }

        payload = parts[0];
        signature = Base64Url.DecodeFromChars(parts[1]);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(payload));
        }
        catch (ArgumentException)
        {
            return false;
        }

        var split = text.LastIndexOf(Separator);
        if (split <= 0 || !long.TryParse(text.AsSpan(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        customerId = text[..split];
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return signature.Length == HMACSHA256.HashSizeInBytes;
    }
}
