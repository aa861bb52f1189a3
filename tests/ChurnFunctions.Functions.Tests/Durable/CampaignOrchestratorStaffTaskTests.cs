using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnFunctions.Functions.Tests.Durable;

/// <summary>
/// A staff task step and a {{surveyLink}} SMS through the app's orchestrator and activities: the task is made by the
/// record activity (through the same action log as the self-host runner), the link by the load activity.
/// </summary>
[Collection(DurableAzuriteCollection.Name)]
public sealed class CampaignOrchestratorStaffTaskTests(AzuriteFixture azurite)
{
    private const string SigningKey = "durable-survey-signing-key-0123456789";

    [Fact]
    public async Task Task_step_puts_each_customer_on_the_call_list_once_except_do_not_call_and_the_sms_carries_a_signed_survey_link()
    {
        var scenario = new DurableScenario("dts", 6, TimeSpan.FromSeconds(1));
        const int doNotCall = 5;
        await using var rig = await DurableCampaignRig.StartAsync(azurite, configure: services => services.Configure<FeedbackOptions>(o =>
        {
            o.SigningKey = SigningKey;
            o.LinkBaseUrl = "https://churn.example.com/api";
        }));
        await rig.SeedAsync(scenario);
        var definition = scenario.Definition with
        {
            Steps =
            [
                new CreateStaffTaskStep { Id = "call", Text = "Call {{firstName}}" },
                new SendSmsStep { Id = "sms1", Text = "Why did you leave? {{surveyLink}}" },
            ],
        };
        await rig.App.GetRequiredService<ICampaignDefinitionStore>().SaveAsync(definition, CancellationToken.None);
        await rig.App.GetRequiredService<IStaffTaskStore>().MarkDoNotCallAsync(scenario.Customers[doNotCall].Id, DateTimeOffset.UtcNow, CancellationToken.None);

        await rig.StartAllAsync(scenario);
        for (var i = 1; i < scenario.Customers.Count; i++)
        {
            await rig.CompletionAsync(scenario.InstanceId(i));
        }

        // Customer 0 sleeps through its quiet hours before the SMS, its task already made.
        var tasks = await DurableCampaignRig.EventuallyAsync(
            () => rig.App.GetRequiredService<StaffTaskService>().ListAsync(StaffTaskStatus.Open, CancellationToken.None),
            list => list.Count(t => t.Task.CampaignId == scenario.CampaignId) == scenario.Customers.Count - 1);
        var ours = tasks.Where(t => t.Task.CampaignId == scenario.CampaignId).ToList();
        Assert.Equal(
            Enumerable.Range(0, doNotCall).Select(i => scenario.SendId(i, "call")).Order(),
            ours.Select(t => t.Task.Id).Order());
        Assert.All(ours, t => Assert.Equal(("Call Ada", "entered the at-risk segment"), (t.Task.Text, t.Task.Reason)));
        Assert.All(ours, t => Assert.Equal(scenario.Customers.Single(c => c.Id == t.Task.CustomerId).Email, t.Contact.Email));

        var sms = rig.Twilio.Accepted.Single(m => m.SendId == scenario.SendId(4, "sms1"));
        var link = sms.Body["Why did you leave? ".Length..];
        var check = rig.App.GetRequiredService<FeedbackLinks>().Verify(SurveyLinks.TokenOf(link));
        Assert.StartsWith("https://churn.example.com/api/feedback?token=", link, StringComparison.Ordinal);
        Assert.Equal((FeedbackTokenStatus.Valid, scenario.Customers[4].Id), (check.Status, check.CustomerId));
        await rig.Client.TerminateInstanceAsync(scenario.InstanceId(0));
    }
}
