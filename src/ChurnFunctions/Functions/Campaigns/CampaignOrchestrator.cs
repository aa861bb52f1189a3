using ChurnFunctions.Core.Campaigns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Triggers = ChurnFunctions.Core.Triggers.Triggers;

namespace ChurnFunctions.Functions.Campaigns;

/// <summary>
/// One (customer, campaign) instance as a Durable orchestration under <see cref="CampaignInstanceId"/>. Replay-safe:
/// the decider is pure and is called here with <c>context.CurrentUtcDateTime</c>; every read and write (definition,
/// customer context, sends through the ledger, coupons/tasks/skips) is an activity. Between inputs it races the
/// decider's wake-up timer against the "purchase" and "input" events, then continues as new with the state, so the
/// history stays one wait long.
/// </summary>
public sealed class CampaignOrchestrator(CampaignDecider decider)
{
    public const string Name = Triggers.CampaignOrchestrator;
    public const string PurchaseEvent = "purchase";
    public const string InputEvent = "input";
    private const int MaxDecisionsPerInput = 50;

    // An activity that throws (a storage or network fault between the worker and Azure Storage) is run again
    // rather than failing the instance for good, as the self-host runner retries a wake-up. Every activity is idempotent
    // by its key (the send ledger for sends), so a re-run after a partial success does nothing twice. Provider
    // refusals are not exceptions: they come back as send results the decider schedules again.
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    [Function(Name)]
    public async Task<string?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var run = context.GetInput<CampaignOrchestration>() ?? throw new InvalidOperationException("The orchestration has no input.");
        var state = Json.Read<CampaignInstanceState>(run.StateJson);
        var input = Json.Read<CampaignInput>(run.InputJson);
        var wakeAt = run.WakeAt;
        for (var decisions = 0; decisions < MaxDecisionsPerInput; decisions++)
        {
            var load = Json.Read<CampaignLoad>(await context.CallActivityAsync<string>(CampaignActivities.Load, new LoadRequest(state.CampaignId, state.CustomerId), ActivityRetry));
            if (load.Definition is null)
            {
                return "NoDefinition";
            }

            var now = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
            var decision = decider.Decide(load.Definition, state, input, now, load.Customer);
            state = decision.NewState;
            SendCompleted? completed = null;
            foreach (var action in decision.Actions)
            {
                switch (action)
                {
                    case SendEmail or SendSms:
                        var sendId = action is SendEmail email ? email.SendId : ((SendSms)action).SendId;
                        var attempt = state.PendingSend is { } pending && pending.SendId == sendId ? pending.Failures : 0;
                        var reply = Json.Read<SendReply>(await context.CallActivityAsync<string>(
                            CampaignActivities.Send, new SendRequest(state.CustomerId, Json.Write(action), attempt), ActivityRetry));
                        completed = reply.Completed;
                        wakeAt = reply.BusyUntil ?? wakeAt;
                        break;
                    case ScheduleWakeUp schedule:
                        wakeAt = schedule.At;
                        break;
                    case Complete:
                        break;
                    default:
                        await context.CallActivityAsync(CampaignActivities.Record, new RecordRequest(state.InstanceId, state.CustomerId, Json.Write(action)), ActivityRetry);
                        break;
                }
            }

            if (state.Phase == CampaignPhase.Completed)
            {
                return state.CompletionReason?.ToString();
            }

            if (completed is null)
            {
                break;
            }

            input = completed;
        }

        // The wake-up it sleeps until, for whoever reads the instance's status (e.g. a send deferred past quiet hours).
        context.SetCustomStatus(wakeAt);
        input = await NextInputAsync(context, wakeAt);
        context.ContinueAsNew(new CampaignOrchestration(Json.Write(state), Json.Write(input), wakeAt));
        return null;
    }

    /// <summary>The wake-up timer raced with the events; the losers are cancelled so no timer outlives the wait.</summary>
    private static async Task<CampaignInput> NextInputAsync(TaskOrchestrationContext context, DateTimeOffset? wakeAt)
    {
        using var cancel = new CancellationTokenSource();
        var purchase = context.WaitForExternalEvent<string>(PurchaseEvent, cancel.Token);
        var other = context.WaitForExternalEvent<string>(InputEvent, cancel.Token);
        var timer = wakeAt is { } at ? context.CreateTimer(at.UtcDateTime, cancel.Token) : null;
        var winner = timer is null ? await Task.WhenAny(purchase, other) : await Task.WhenAny(purchase, other, timer);
        cancel.Cancel();
        return winner == timer ? new WakeUp() : Json.Read<CampaignInput>(await (Task<string>)winner);
    }
}
