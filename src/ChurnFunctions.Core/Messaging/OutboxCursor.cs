using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ChurnFunctions.Core.Messaging;

/// <summary>Where a page of the outbox ended: the last entry's time and send id, opaque to callers as base64url text.</summary>
public sealed record OutboxCursor(DateTimeOffset RecordedAt, string SendId)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + SendId));

    public static bool TryParse(string? text, out OutboxCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[1].Length == 0)
        {
            return false;
        }

        cursor = new OutboxCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        return true;
    }
}
