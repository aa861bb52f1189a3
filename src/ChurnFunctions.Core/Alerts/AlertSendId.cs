using System.Security.Cryptography;
using System.Text;

namespace ChurnFunctions.Core.Alerts;

internal static class AlertSendId
{
    /// <summary>
    /// One send per digest and channel. The digest's alerts are part of the id: a redelivery of the same digest is
    /// recognised by providers and the outbox, while a later run that finds new alerts for the same rule and day sends
    /// a new message instead of being taken for the first.
    /// </summary>
    public static string For(AlertDigest digest, string channel)
    {
        var conditions = string.Join('\n', digest.Conditions.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conditions)))[..12];
        return $"alert:{digest.Date:yyyyMMdd}:{digest.Rule}:{hash}:{channel}";
    }
}
