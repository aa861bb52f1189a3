using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Azure.Functions.Worker;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// The I/O of <see cref="CampaignOrchestrator"/>: each activity is idempotent by its key, as the Durable runtime may
/// run one again. Sends go through the same <see cref="LedgeredSender"/> the self-host runner uses.
/// </summary>
public sealed class CampaignActivities(
    ICampaignDefinitionStore definitions,
    ICustomerStore customers,
    ICampaignInstanceStore instances,
    ScoreQueries scores,
    LedgeredSender sender,
    ICampaignActionLog actionLog,
    SurveyLinks surveyLinks,
    IStaffTaskStore staffTasks,
    TimeProvider time)
{
    public const string Load = Triggers.CampaignLoadActivity;
    public const string Send = Triggers.CampaignSendActivity;
    public const string Record = Triggers.CampaignRecordActivity;

    /// <summary>
    /// The definition and the customer context (profile, last sends across campaigns, latest segment and tier, the
    /// signed survey link, do-not-call), as JSON. The link is made here, in the activity, so the orchestrator replays
    /// the same one and never holds the signing key.
    /// </summary>
    [Function(Load)]
    public async Task<string> LoadAsync([ActivityTrigger] LoadRequest request, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(request.CampaignId, cancellationToken);
        var record = await customers.GetAsync(request.CustomerId, cancellationToken);
        var sends = await instances.GetSendTimesAsync(request.CustomerId, cancellationToken);
        var score = await scores.GetScoreAsync(request.CustomerId, cancellationToken);
        var context = record is null ? new CustomerContext { CustomerId = request.CustomerId } : CustomerContext.From(record.Value);
        context = context with
        {
            CustomerId = request.CustomerId,
            LastEmailSentAt = sends.LastEmailSentAt,
            LastSmsSentAt = sends.LastSmsSentAt,
            Segment = score?.Segment,
            ValueTier = score?.ValueTier,
            SurveyLink = surveyLinks.For(request.CustomerId),
            DoNotCall = await staffTasks.IsDoNotCallAsync(request.CustomerId, cancellationToken),
        };
        return Json.Write(new CampaignLoad(definition, context));
    }

    [Function(Send)]
    public async Task<string> SendAsync([ActivityTrigger] SendRequest request, CancellationToken cancellationToken)
    {
        var action = Json.Read<CampaignAction>(request.ActionJson);
        var (stepId, sendId, channel) = action switch
        {
            SendEmail e => (e.StepId, e.SendId, MessageChannel.Email),
            SendSms s => (s.StepId, s.SendId, MessageChannel.Sms),
            _ => throw new ArgumentException("Not a send action.", nameof(request)),
        };
        var now = time.GetUtcNow();
        var outcome = await sender.SendAsync(action, request.Attempt, now, cancellationToken);
        if (outcome.Result is not { } result)
        {
            return Json.Write(new SendReply(null, outcome.BusyUntil));
        }

        if (result.Status == SendStatus.Sent)
        {
            await instances.RecordSendAsync(request.CustomerId, channel, now, known: null, cancellationToken);
        }

        return Json.Write(new SendReply(new SendCompleted(stepId, sendId, result), null));
    }

    [Function(Record)]
    public Task RecordAsync([ActivityTrigger] RecordRequest request, CancellationToken cancellationToken) =>
        actionLog.RecordAsync(request.InstanceId, request.CustomerId, Json.Read<CampaignAction>(request.ActionJson), time.GetUtcNow(), cancellationToken);
}
