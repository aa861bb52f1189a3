using System.Text.Json.Serialization;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The customer replied by SMS. An opt-out when <see cref="OptOut"/> is set (the provider recognised it) or when the
/// text is one of the standard keywords (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT), whatever the case.
/// </summary>
public sealed record SmsReplied(string Text, DateTimeOffset At, bool OptOut = false) : CampaignInput
{
    private static readonly string[] OptOutKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];

    [JsonIgnore]
    public bool IsOptOut => OptOut || OptOutKeywords.Contains((Text ?? "").Trim(), StringComparer.OrdinalIgnoreCase);
}
