using System.Globalization;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Benchmarks.Campaigns;

/// <summary>
/// A 3-step campaign (email, wait, SMS) and <c>count</c> customers who consented to both channels, all in a fixed-offset
/// zone where it is 10:00-19:00 now (outside quiet hours for the whole run): every instance plans one email and one SMS.
/// </summary>
internal sealed class CampaignWorkload
{
    public const string EmailStep = "email1";
    public const string WaitStep = "wait1";
    public const string SmsStep = "sms1";

    private static readonly DateTimeOffset ConsentAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public CampaignWorkload(string run, int count, TimeSpan wait, DateTimeOffset now)
    {
        CampaignId = "bench-" + run;
        Wait = wait;
        TimeZone = FixedOffsetZones.Now(now).Open;
        Customers = [.. Enumerable.Range(0, count).Select(i => Customer(run, i))];
    }

    public string CampaignId { get; }

    public TimeSpan Wait { get; }

    public string TimeZone { get; }

    public IReadOnlyList<CustomerRecord> Customers { get; }

    public CampaignDefinition Definition => new()
    {
        Id = CampaignId,
        Name = "Campaign throughput benchmark",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        AttributionWindow = TimeSpan.FromSeconds(1),
        Steps =
        [
            new SendEmailStep { Id = EmailStep, TemplateId = "d-bench" },
            new WaitStep { Id = WaitStep, Duration = Wait },
            new SendSmsStep { Id = SmsStep, Text = "We miss you, {{firstName}}" },
        ],
    };

    public string InstanceId(int i) => CampaignInstanceId.For(Customers[i].Id, CampaignId);

    public string SendId(int i, string stepId) => CampaignInstanceId.ForStep(InstanceId(i), stepId);

    private CustomerRecord Customer(string run, int i) => new()
    {
        Id = $"bench{run}-{i}",
        Email = $"bench{run}-{i}@example.com",
        Phone = "+1555" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
        FirstName = "Ada",
        TimeZone = TimeZone,
        Consents =
        [
            new ConsentRecord(MessageChannel.Email, true, "bench", ConsentAt),
            new ConsentRecord(MessageChannel.Sms, true, "bench", ConsentAt),
        ],
    };
}
