using System.ComponentModel.DataAnnotations;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>Campaign rules shared by every campaign, bound from "Campaigns".</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>IANA id used when a customer has no (known) time zone: the store's.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Local time from which no message goes out. Equal to <see cref="QuietHoursEnd"/>: no quiet hours.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    /// <summary>Local time from which messages may go out again; earlier than the start means across midnight.</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>At most one marketing email per this interval, across campaigns. A send due earlier waits.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan EmailMinInterval { get; set; } = TimeSpan.FromDays(3);

    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan SmsMinInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After a transient failure (the adapter's own retries spent), try the same message again this much later.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SendRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Transient failures after which the step is skipped.</summary>
    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 3;

    /// <summary>
    /// Keys coupon codes (HMAC) so nobody who knows the id scheme can compute a customer's code. Empty: plain hash,
    /// fine for tests and local runs only. Changing it changes the codes of steps not run yet.
    /// </summary>
    public string CouponSecret { get; set; } = "";
}
