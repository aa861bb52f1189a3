using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Core.Customers;

public static class CustomerIds
{
    /// <summary>Sales with no buyer identity are kept together under this id and left out of analytics.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>
    /// A new customer's id is derived from its strongest identity key, so that concurrent first deliveries for the
    /// same buyer agree on the id without coordinating.
    /// </summary>
    public static string FromIdentityKey(string identityKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(identityKey), hash);
        return "c" + Convert.ToHexStringLower(hash[..8]);
    }
}
