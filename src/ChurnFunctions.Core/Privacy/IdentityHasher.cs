using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Privacy;

/// <summary>HMAC-SHA256 (key: Privacy__IdentitySalt) of identity keys ("email:a@b.c", "phone:+1...", "shopify:123").</summary>
public sealed class IdentityHasher(IOptions<PrivacyOptions> options)
{
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.IdentitySalt);

    public string Hash(string identityKey)
    {
        var salt = options.Value.IdentitySalt;
        if (string.IsNullOrEmpty(salt))
        {
            throw new InvalidOperationException("Privacy:IdentitySalt is not set.");
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(identityKey)));
    }

    public IReadOnlyList<string> HashAll(IEnumerable<string> identityKeys) => [.. identityKeys.Distinct(StringComparer.Ordinal).Select(Hash)];

    /// <summary>The identity keys a stored customer answers to: its platform ids, email and phone.</summary>
    public static IReadOnlyList<string> KeysOf(CustomerRecord record)
    {
        var keys = new List<string>(record.PlatformKeys);
        if (record.Email is { } email)
        {
            keys.Add(IdentityKeys.ForEmail(email));
        }

        if (record.Phone is { } phone)
        {
            keys.Add(IdentityKeys.ForPhone(phone));
        }

        return keys;
    }
}
