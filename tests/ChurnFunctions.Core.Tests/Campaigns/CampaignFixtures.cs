using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Tests.Campaigns;

/// <summary>Definitions, customers and instants for the decider tests. Times are UTC unless an offset is given.</summary>
internal static class CampaignFixtures
{
    public const string CampaignId = "win-back";
    public const string CustomerId = "c1";
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";

    /// <summary>A Monday, 12:00 in Berlin: outside quiet hours.</summary>
    public static readonly DateTimeOffset Monday = At("2024-06-03T10:00:00Z");

    public static CampaignOptions Options() => new() { DefaultTimeZone = Berlin };

    public static CampaignDecider Decider(CampaignOptions? options = null) => new(options ?? Options());

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static CampaignDefinition Definition(params CampaignStep[] steps) => new()
    {
        Id = CampaignId,
        Name = "Win back",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        Steps = steps,
        HoldoutPercent = 0,
    };

    public static SendEmailStep Email(string id = "email1", string template = "d-winback") => new()
    {
        Id = id,
        TemplateId = template,
        TemplateData = new Dictionary<string, string> { ["greeting"] = "Hi {{firstName|there}}" },
    };

    public static SendSmsStep Sms(string id = "sms1", string text = "Hi {{firstName}}, we miss you") => new() { Id = id, Text = text };

    public static WaitStep Wait(string id, double days) => new() { Id = id, Duration = TimeSpan.FromDays(days) };

    public static IssueCouponStep Coupon(string id = "coupon1") => new() { Id = id, Prefix = "WB-", Length = 10 };

    public static CustomerContext Customer(string id = CustomerId, string? timeZone = Berlin, bool email = true, bool sms = true) => new()
    {
        CustomerId = id,
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada@example.com",
        Phone = "+4915112345678",
        TimeZone = timeZone,
        Consents =
        [
            new ConsentRecord(MessageChannel.Email, email, "shopify", At("2024-01-01T00:00:00Z")),
            new ConsentRecord(MessageChannel.Sms, sms, "shopify", At("2024-01-01T00:00:00Z")),
        ],
    };

    public static SendCompleted Sent(CampaignAction send, string providerId = "prov-1") => send switch
    {
        SendEmail e => new SendCompleted(e.StepId, e.SendId, SendResult.Sent(providerId)),
        SendSms s => new SendCompleted(s.StepId, s.SendId, SendResult.Sent(providerId)),
        _ => throw new ArgumentException("Not a send.", nameof(send)),
    };

    /// <summary>A customer id that falls in the campaign's holdout at <paramref name="percent"/>, and one that does not.</summary>
    public static string CustomerInHoldout(bool inHoldout, double percent = 10) =>
        Enumerable.Range(0, 10_000).Select(i => $"cust-{i}").First(id => HoldoutAssignment.IsHoldout(id, CampaignId, percent) == inHoldout);
}
