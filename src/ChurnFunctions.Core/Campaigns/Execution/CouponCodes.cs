using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// Coupon codes derived from (instance id, step id): the same step of the same instance always gets the same code, so
/// a repeated decision or a recovered host issues the same one. Alphabet without look-alikes (no 0/O, 1/I/L), 31
/// symbols, about 4.95 bits each: at length 10 (8.2e14 codes) a million codes collide with probability ~0.06%, so
/// the issuer still checks the shop for a duplicate. Keyed by <see cref="CampaignOptions.CouponSecret"/> when set.
/// </summary>
public static class CouponCodes
{
    public const int MinLength = 8;
    public const int MaxLength = 24;
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Create(string instanceId, string stepId, string prefix, int length, string? secret = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(stepId);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);

        var message = Encoding.UTF8.GetBytes(instanceId + "\u001f" + stepId);
        var hash = string.IsNullOrEmpty(secret)
            ? SHA256.HashData(message)
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);

        // 256 bits as one unsigned number, read out in base 31: no modulo bias worth the name.
        var value = new BigInteger(hash, isUnsigned: true);
        var code = new StringBuilder(prefix, (prefix?.Length ?? 0) + length);
        for (var i = 0; i < length; i++)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var digit);
            code.Append(Alphabet[(int)digit]);
        }

        return code.ToString();
    }
}
