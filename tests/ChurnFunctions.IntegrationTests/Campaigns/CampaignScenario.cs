using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Testing;

namespace ChurnFunctions.IntegrationTests.Campaigns;

/// <summary>
/// A 2-step campaign (email, 1 s wait, SMS) for <c>count</c> customers of a run: every tenth in a zone where it is
/// quiet time now, every tenth without SMS consent, every tenth with a number the fake Twilio lists as opted out,
/// every tenth without email consent; the rest reachable on both channels.
/// </summary>
internal sealed class CampaignScenario
{
    private static readonly DateTimeOffset ConsentAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public CampaignScenario(string run, int count, DateTimeOffset now)
    {
        CampaignId = "rt-" + run;
        (QuietZone, OpenZone) = FixedOffsetZones.Now(now);
        Customers = [.. Enumerable.Range(0, count).Select(i => Customer(run, i))];
    }

    public string CampaignId { get; }

    public string QuietZone { get; }

    public string OpenZone { get; }

    public IReadOnlyList<CustomerRecord> Customers { get; }

    public CampaignDefinition Definition => new()
    {
        Id = CampaignId,
        Name = "Runtime test",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        AttributionWindow = TimeSpan.FromSeconds(1),
        Steps =
        [
            new SendEmailStep { Id = "email1", TemplateId = "d-runtime" },
            new WaitStep { Id = "wait1", Duration = TimeSpan.FromSeconds(1) },
            new SendSmsStep { Id = "sms1", Text = "We miss you, {{firstName}}" },
        ],
    };

    public static bool InQuietZone(int i) => i % 10 == 0;

    public static bool RefusesSms(int i) => i % 10 == 1;

    public static bool OptedOutAtTwilio(int i) => i % 10 == 2;

    public static bool RefusesEmail(int i) => i % 10 == 3;

    public static bool ExpectsEmail(int i) => !InQuietZone(i) && !RefusesEmail(i);

    public static bool ExpectsSms(int i) => !InQuietZone(i) && !RefusesSms(i) && !OptedOutAtTwilio(i);

    public string InstanceId(int i) => CampaignInstanceId.For(Customers[i].Id, CampaignId);

    public string SendId(int i, string stepId) => CampaignInstanceId.ForStep(InstanceId(i), stepId);

    private CustomerRecord Customer(string run, int i) => new()
    {
        Id = $"rt{run}-{i}",
        Email = $"rt{run}-{i}@example.com",
        Phone = "+1555" + (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FirstName = "Ada",
        TimeZone = InQuietZone(i) ? QuietZone : OpenZone,
        Consents =
        [
            new ConsentRecord(MessageChannel.Email, !RefusesEmail(i), "test", ConsentAt),
            new ConsentRecord(MessageChannel.Sms, !RefusesSms(i), "test", ConsentAt),
        ],
    };
}
