using System.Globalization;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Testing;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// The self-host runner's scenario (email, wait, SMS) for a few customers: customer 0 lives where it is quiet time
/// now, 1 refused SMS, 2 has a number Twilio lists as opted out, 3 refused email, the rest are reachable on both
/// channels. Waits are seconds, not days: the engine's timers run on the wall clock.
/// </summary>
internal sealed class DurableScenario
{
    private static readonly DateTimeOffset ConsentAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DurableScenario(string prefix, int count, TimeSpan wait)
    {
        var run = prefix + Guid.NewGuid().ToString("N")[..8];
        CampaignId = run;
        Wait = wait;
        (QuietZone, OpenZone) = FixedOffsetZones.Now(DateTimeOffset.UtcNow);
        Customers = [.. Enumerable.Range(0, count).Select(i => Customer(run, i))];
    }

    public string CampaignId { get; }

    public TimeSpan Wait { get; }

    public string QuietZone { get; }

    public string OpenZone { get; }

    public IReadOnlyList<CustomerRecord> Customers { get; }

    public CampaignDefinition Definition => new()
    {
        Id = CampaignId,
        Name = "Durable test",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        AttributionWindow = TimeSpan.FromSeconds(1),
        Steps =
        [
            new SendEmailStep { Id = "email1", TemplateId = "d-durable" },
            new WaitStep { Id = "wait1", Duration = Wait },
            new SendSmsStep { Id = "sms1", Text = "We miss you, {{firstName}}" },
        ],
    };

    public static bool InQuietZone(int i) => i == 0;

    public static bool RefusesSms(int i) => i == 1;

    public static bool OptedOutAtTwilio(int i) => i == 2;

    public static bool RefusesEmail(int i) => i == 3;

    public static bool ExpectsEmail(int i) => !InQuietZone(i) && !RefusesEmail(i);

    public static bool ExpectsSms(int i) => !InQuietZone(i) && !RefusesSms(i) && !OptedOutAtTwilio(i);

    public string InstanceId(int i) => CampaignInstanceId.For(Customers[i].Id, CampaignId);

    public string SendId(int i, string stepId) => CampaignInstanceId.ForStep(InstanceId(i), stepId);

    private CustomerRecord Customer(string run, int i) => new()
    {
        Id = $"{run}-{i}",
        Email = $"{run}-{i}@example.com",
        // Numbers of this run only: frequency caps are per recipient across campaigns, so a number another test
        // already texted would be deferred for days.
        Phone = "+1555" + (1_000_000 + (Random.Shared.Next(800_000) * 10) + i).ToString(CultureInfo.InvariantCulture),
        FirstName = "Ada",
        TimeZone = InQuietZone(i) ? QuietZone : OpenZone,
        Consents =
        [
            new ConsentRecord(MessageChannel.Email, !RefusesEmail(i), "test", ConsentAt),
            new ConsentRecord(MessageChannel.Sms, !RefusesSms(i), "test", ConsentAt),
        ],
    };
}
