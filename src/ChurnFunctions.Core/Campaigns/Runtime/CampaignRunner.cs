using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns.Tasks;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// The self-host's durable runner for <see cref="CampaignDecider"/>. Each input: load state and ETag -> read the
/// customer context -> decide -> schedule the wake-up (before the write, so no state ever names a missing one) ->
/// persist with If-Match (a 412 reloads and decides again: the decider is deterministic) -> carry the actions out;
/// a send goes through the <see cref="LedgeredSender"/> and its outcome is fed back as <see cref="SendCompleted"/>
/// until no decision asks for more.
/// <para>Recovery: a queue message is deleted only after its handler finished, so a crash redelivers the wake-up that
/// was running, and the decider re-emits the pending send, which the ledger answers. Inputs delivered inline
/// (<see cref="RaiseAsync"/>) that lead to a send first schedule a recovery wake-up at the end of the send lease.</para>
/// </summary>
public sealed class CampaignRunner(
    ICampaignDefinitionStore definitions,
    ICampaignInstanceStore instances,
    IWakeUpScheduler wakeUps,
    ICampaignActionLog actionLog,
    ICustomerStore customers,
    LedgeredSender sender,
    CampaignDecider decider,
    IOptions<CampaignRuntimeOptions> options,
    TimeProvider time,
    ILogger<CampaignRunner> logger,
    IScoreStore? scores = null,
    IMetricsStore? metrics = null,
    ISuppressionList? suppressions = null,
    SurveyLinks? surveyLinks = null,
    IStaffTaskStore? staffTasks = null) : ICampaignStarter, ICampaignEvents
{
    /// <summary>Up to this many requests, <see cref="EnterAsync"/> reads each instance instead of listing the campaign's.</summary>
    public const int PointReadLimit = 64;

    private readonly CampaignRuntimeOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, (CampaignDefinition? Definition, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);
    private (bool Any, DateTimeOffset Until) anyCampaigns;

    public async Task<bool> IsStartedAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken) =>
        await instances.GetAsync(CampaignInstanceState.New(customerId, campaignId, runKey).InstanceId, cancellationToken) is not null;

    /// <summary>
    /// Inserts the instance under its deterministic id, then queues its start; false when it exists (running or done).
    /// The row comes first so the start wake-up always finds it; a start whose wake-up was lost (a crash between the
    /// two writes) is queued again by the next call, with the same due time, so it is not started twice.
    /// </summary>
    public Task<bool> StartAsync(string campaignId, string customerId, CancellationToken cancellationToken) =>
        StartAsync(campaignId, customerId, runKey: null, cancellationToken);

    /// <inheritdoc cref="StartAsync(string, string, CancellationToken)"/>
    public async Task<bool> StartAsync(string campaignId, string customerId, string? runKey, CancellationToken cancellationToken)
    {
        var state = CampaignInstanceState.New(customerId, campaignId, runKey);
        if (await instances.GetAsync(state.InstanceId, cancellationToken) is { } existing)
        {
            if (existing.Value.State.Phase == CampaignPhase.NotStarted && existing.Value.NextWakeUpAt is { } due)
            {
                await wakeUps.ScheduleAsync(new WakeUpMessage(state.InstanceId, due), cancellationToken);
            }

            return false;
        }

        var now = time.GetUtcNow();
        anyCampaigns = (true, DateTimeOffset.MaxValue);
        var inserted = await instances.TryInsertAsync(new StoredInstance(state, now), cancellationToken);
        if (inserted)
        {
            await wakeUps.ScheduleAsync(new WakeUpMessage(state.InstanceId, now), cancellationToken);
            RuntimeLogs.Started(logger, state.InstanceId);
        }

        return inserted;
    }

    /// <summary>
    /// The enrollment pass's entry: learns which requests have an instance already (one paged query per campaign, or
    /// point reads for a few), and queues the rest as <see cref="StartBatchMessage"/>s, 64 starts per queue write;
    /// <see cref="HandleStartsAsync"/> inserts and starts them. A start whose row exists but never ran (a crash between
    /// the insert and its wake-up) gets its wake-up again, as <see cref="StartAsync(string, string, string?, CancellationToken)"/> does.
    /// Returns the requests queued (or, in a dry run, that would be): those with no instance yet.
    /// </summary>
    public async Task<IReadOnlyList<CampaignStartRequest>> EnterAsync(
        IReadOnlyList<CampaignStartRequest> requests, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var known = await KnownAsync(requests, cancellationToken);
        var fresh = new List<CampaignStartRequest>();
        var stalled = new List<WakeUpMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var id = request.InstanceId;
            if (!seen.Add(id))
            {
                continue;
            }

            if (!known.TryGetValue(id, out var header))
            {
                fresh.Add(request);
            }
            else if (header.Phase == CampaignPhase.NotStarted && header.NextWakeUpAt is { } due)
            {
                stalled.Add(new WakeUpMessage(id, due));
            }
        }

        if (dryRun)
        {
            return fresh;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ICampaignStarter.DefaultParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(StartBatchMessage.Split(fresh), parallel, async (batch, ct) => await wakeUps.QueueStartsAsync(batch, ct));
        await Parallel.ForEachAsync(stalled, parallel, async (message, ct) => await wakeUps.ScheduleAsync(message, ct));
        if (fresh.Count > 0)
        {
            anyCampaigns = (true, DateTimeOffset.MaxValue);
        }

        return fresh;
    }

    /// <summary>
    /// A batch of starts queued by <see cref="EnterAsync"/>: each is inserted under its deterministic id and started at
    /// once; one that exists is skipped, unless it never ran. Every start is tried; if any failed the batch fails
    /// as a whole and comes back, where the ones done are no-ops (their rows exist and have moved on).
    /// </summary>
    public async Task HandleStartsAsync(StartBatchMessage batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failures = new ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(
            batch.Starts,
            new ParallelOptions { MaxDegreeOfParallelism = ICampaignStarter.DefaultParallelism, CancellationToken = cancellationToken },
            async (request, ct) =>
            {
                try
                {
                    await StartQueuedAsync(request, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(e);
                }
            });
        if (!failures.IsEmpty)
        {
            throw new AggregateException($"{failures.Count} of {batch.Starts.Count} queued starts failed.", failures);
        }
    }

    private async Task StartQueuedAsync(CampaignStartRequest request, CancellationToken cancellationToken)
    {
        var state = CampaignInstanceState.New(request.CustomerId, request.CampaignId, request.RunKey);
        var now = time.GetUtcNow();
        anyCampaigns = (true, DateTimeOffset.MaxValue);
        if (await instances.TryInsertAsync(new StoredInstance(state, now), cancellationToken))
        {
            RuntimeLogs.Started(logger, state.InstanceId);
            await HandleWakeUpAsync(new WakeUpMessage(state.InstanceId, now), cancellationToken);
        }
        else if (await instances.GetAsync(state.InstanceId, cancellationToken) is { Value: { State.Phase: CampaignPhase.NotStarted, NextWakeUpAt: { } due } })
        {
            await HandleWakeUpAsync(new WakeUpMessage(state.InstanceId, due), cancellationToken);
        }
    }

    // Above a few dozen requests one paged query per campaign beats a read per request (and on Azurite, which scans
    // for every query, by far); below, point reads touch less.
    private async Task<IReadOnlyDictionary<string, InstanceHeader>> KnownAsync(IReadOnlyList<CampaignStartRequest> requests, CancellationToken cancellationToken)
    {
        var known = new ConcurrentDictionary<string, InstanceHeader>(StringComparer.Ordinal);
        if (requests.Count <= PointReadLimit)
        {
            await Parallel.ForEachAsync(
                requests,
                new ParallelOptions { MaxDegreeOfParallelism = ICampaignStarter.DefaultParallelism, CancellationToken = cancellationToken },
                async (request, ct) =>
                {
                    if (await instances.GetAsync(request.InstanceId, ct) is { } stored)
                    {
                        known[request.InstanceId] = new InstanceHeader(request.InstanceId, stored.Value.State.Phase, stored.Value.NextWakeUpAt);
                    }
                });
            return known;
        }

        var wanted = requests.Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var campaignId in requests.Select(r => r.CampaignId).Distinct(StringComparer.Ordinal))
        {
            await foreach (var header in instances.ListByCampaignAsync(campaignId, cancellationToken))
            {
                if (wanted.Contains(header.InstanceId))
                {
                    known[header.InstanceId] = header;
                }
            }
        }

        return known;
    }

    /// <summary>Applies <paramref name="input"/> to each running instance of the customer, one after the other.</summary>
    public async Task RaiseAsync(string customerId, CampaignInput input, CancellationToken cancellationToken)
    {
        // Every purchase comes through here: without any campaign defined there is no instance to look up.
        if (!await AnyCampaignsAsync(cancellationToken))
        {
            return;
        }

        foreach (var instanceId in await instances.ListRunningAsync(customerId, cancellationToken))
        {
            if (await instances.GetAsync(instanceId, cancellationToken) is { } stored)
            {
                await RunAsync(stored, input, expectedWakeUp: null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A wake-up message: dropped unless it is the instance's current one; re-queued if early; otherwise delivers
    /// <see cref="Start"/> to a new instance or <see cref="WakeUp"/> to a running one. Failures surface (queue retry).
    /// </summary>
    public async Task HandleWakeUpAsync(WakeUpMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stored = await instances.GetAsync(message.InstanceId, cancellationToken);
        if (stored is null || stored.Value.State.Phase == CampaignPhase.Completed)
        {
            return;
        }

        if (stored.Value.NextWakeUpAt != message.DueAt)
        {
            // A wake-up is queued before the state naming it is written (so no state names a missing one), and a
            // short wait can fall due before that write lands: a young message later than the stored one may be
            // that one, so it comes back through the queue's retry rather than being dropped. Later it is stale.
            if ((stored.Value.NextWakeUpAt is not { } current || message.DueAt > current) && time.GetUtcNow() - message.DueAt < WakeUpAheadOfStateException.Grace)
            {
                throw new WakeUpAheadOfStateException(message.InstanceId, message.DueAt);
            }

            return;
        }

        if (message.DueAt > time.GetUtcNow())
        {
            await wakeUps.ScheduleAsync(message, cancellationToken);
            return;
        }

        var state = stored.Value.State;
        if (state.Phase == CampaignPhase.NotStarted)
        {
            await instances.AddRunningAsync(state.CustomerId, state.InstanceId, cancellationToken);
        }

        CampaignInput input = state.Phase == CampaignPhase.NotStarted ? new Start() : new WakeUp();
        await RunAsync(stored, input, message.DueAt, cancellationToken);
    }

    private async Task RunAsync(Versioned<StoredInstance> stored, CampaignInput input, DateTimeOffset? expectedWakeUp, CancellationToken cancellationToken)
    {
        var state = stored.Value.State;
        var definition = await DefinitionAsync(state.CampaignId, cancellationToken);
        if (definition is null)
        {
            RuntimeLogs.NoDefinition(logger, state.CampaignId, state.InstanceId);
            return;
        }

        var (context, sendTimes) = await ContextAsync(ContextNeeds.For(definition, state), state.CustomerId, cancellationToken);
        for (var decisions = 0; decisions < settings.MaxDecisionsPerInput; decisions++)
        {
            state = stored.Value.State;
            var now = time.GetUtcNow();
            var decision = decider.Decide(definition, state, input, now, context);
            if (decision.Actions.Count == 0 && ReferenceEquals(decision.NewState, state))
            {
                return;
            }

            var next = await PersistAsync(stored, decision, now, inline: expectedWakeUp is null, cancellationToken);
            if (next is null)
            {
                // 412: someone else moved the instance. Decide again on what is stored now, if this input still applies.
                stored = await instances.GetAsync(state.InstanceId, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance {state.InstanceId} disappeared.");
                if (expectedWakeUp is { } due && stored.Value.NextWakeUpAt != due)
                {
                    return;
                }

                continue;
            }

            stored = next;
            expectedWakeUp = null;
            var feedback = await ExecuteAsync(stored, state.PendingSend?.SendId, decision.Actions, now, sendTimes, cancellationToken);
            if (feedback is null)
            {
                return;
            }

            stored = feedback.Value.Stored;
            sendTimes = feedback.Value.SendTimes;
            input = feedback.Value.Completed;
            if (feedback.Value.Completed.Result.Status == SendStatus.Sent)
            {
                // The frequency caps count this send from now on, as the per-customer row does.
                context = feedback.Value.Channel == MessageChannel.Email ? context with { LastEmailSentAt = now } : context with { LastSmsSentAt = now };
            }
        }

        RuntimeLogs.TooManyDecisions(logger, state.InstanceId, settings.MaxDecisionsPerInput);
    }

    /// <summary>Schedules the decision's wake-up, then writes the state with If-Match; null on a conflict.</summary>
    private async Task<Versioned<StoredInstance>?> PersistAsync(
        Versioned<StoredInstance> stored, Decision decision, DateTimeOffset now, bool inline, CancellationToken cancellationToken)
    {
        var nextWakeUp = stored.Value.NextWakeUpAt;
        if (decision.Actions.OfType<ScheduleWakeUp>().LastOrDefault() is { } schedule)
        {
            nextWakeUp = schedule.At;
        }
        else if (inline && decision.Actions.Any(a => a is SendEmail or SendSms))
        {
            nextWakeUp = now + settings.SendLease;
        }

        if (nextWakeUp != stored.Value.NextWakeUpAt && nextWakeUp is { } at)
        {
            await wakeUps.ScheduleAsync(new WakeUpMessage(decision.NewState.InstanceId, at), cancellationToken);
        }

        var value = new StoredInstance(decision.NewState, nextWakeUp);
        var etag = await instances.TryReplaceAsync(value, stored.ETag, cancellationToken);
        return etag is null ? null : new Versioned<StoredInstance>(value, etag);
    }

    /// <summary>
    /// Carries the actions out in order; returns the send's outcome to feed back, if there was one, and the customer's
    /// send times as now stored (<paramref name="sendTimes"/> as last read: the record of a send writes over it).
    /// </summary>
    /// <param name="stored">The state just persisted (If-Match) for <paramref name="actions"/>.</param>
    /// <param name="pendingBefore">
    /// The pending send of the state it replaced. A send that state did not name was never begun: this runner is the
    /// first to persist a state naming it, and only such a state lets a runner begin a send (steps never repeat).
    /// </param>
    private async Task<(Versioned<StoredInstance> Stored, SendCompleted Completed, MessageChannel Channel, CustomerSendTimes SendTimes)?> ExecuteAsync(
        Versioned<StoredInstance> stored, string? pendingBefore, IReadOnlyList<CampaignAction> actions, DateTimeOffset now, CustomerSendTimes sendTimes,
        CancellationToken cancellationToken)
    {
        var state = stored.Value.State;
        SendCompleted? completed = null;
        var sentOn = MessageChannel.Email;
        foreach (var action in actions)
        {
            switch (action)
            {
                case SendEmail or SendSms:
                    var (stepId, sendId, channel) = action is SendEmail e ? (e.StepId, e.SendId, MessageChannel.Email) : Sms((SendSms)action);
                    var attempt = state.PendingSend is { } pending && pending.SendId == sendId ? pending.Failures : 0;
                    var neverBegun = !string.Equals(pendingBefore, sendId, StringComparison.Ordinal);
                    var outcome = await sender.SendAsync(action, attempt, now, neverBegun, cancellationToken);
                    if (outcome.Result is { } result)
                    {
                        if (result.Status == SendStatus.Sent)
                        {
                            sendTimes = await instances.RecordSendAsync(state.CustomerId, channel, now, sendTimes, cancellationToken);
                        }
                        else if (result.Status == SendStatus.OptedOut)
                        {
                            // The provider knows of an opt-out we did not (Twilio 21610): it is the customer's, not this campaign's.
                            await RecordOptOutAsync(state.CustomerId, new ConsentRecord(channel, false, "provider:" + result.ErrorCode, now), cancellationToken);
                        }

                        completed = new SendCompleted(stepId, sendId, result);
                        sentOn = channel;
                    }
                    else
                    {
                        RuntimeLogs.SendBusy(logger, state.InstanceId, sendId, outcome.BusyUntil!.Value);
                        stored = await WakeAtAsync(stored, outcome.BusyUntil!.Value, cancellationToken);
                    }

                    break;
                case ScheduleWakeUp:
                    break;
                case Complete complete:
                    await instances.RemoveRunningAsync(state.CustomerId, state.InstanceId, cancellationToken);
                    RuntimeLogs.Completed(logger, state.InstanceId, complete.Reason);
                    break;
                default:
                    await actionLog.RecordAsync(state.InstanceId, state.CustomerId, action, now, cancellationToken);
                    break;
            }
        }

        return completed is null ? null : (stored, completed, sentOn, sendTimes);
    }

    private static (string StepId, string SendId, MessageChannel Channel) Sms(SendSms sms) => (sms.StepId, sms.SendId, MessageChannel.Sms);

    /// <summary>Another runner holds the send: come back when its lease ends (it may have died).</summary>
    private async Task<Versioned<StoredInstance>> WakeAtAsync(Versioned<StoredInstance> stored, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await wakeUps.ScheduleAsync(new WakeUpMessage(stored.Value.State.InstanceId, at), cancellationToken);
        var value = stored.Value with { NextWakeUpAt = at };
        var etag = await instances.TryReplaceAsync(value, stored.ETag, cancellationToken);
        return etag is null ? stored : new Versioned<StoredInstance>(value, etag);
    }

    /// <summary>
    /// The customer context for one input's decisions, and the send-times row it was built from. Only what those
    /// decisions can consult is read (<see cref="ContextNeeds"/>). One read after the other: the storage is the bottleneck,
    /// so parallel reads gain little, and in the campaigns benchmark they came with 30-second request timeouts.
    /// </summary>
    private async Task<(CustomerContext Context, CustomerSendTimes SendTimes)> ContextAsync(
        ContextNeeds needs, string customerId, CancellationToken cancellationToken)
    {
        var record = await customers.GetAsync(customerId, cancellationToken);
        var sends = await instances.GetSendTimesAsync(customerId, cancellationToken);
        var profile = record is null ? new CustomerContext { CustomerId = customerId } : CustomerContext.From(record.Value);
        var score = needs.Score ? await ScoreAsync(customerId, cancellationToken) : null;
        var context = profile with
        {
            CustomerId = customerId,
            LastEmailSentAt = sends.LastEmailSentAt,
            LastSmsSentAt = sends.LastSmsSentAt,
            SurveyLink = surveyLinks?.For(customerId),
            DoNotCall = needs.DoNotCall && staffTasks is not null && await staffTasks.IsDoNotCallAsync(customerId, cancellationToken),
            SuppressedChannels = await SuppressedAsync(profile, needs, cancellationToken),
            Segment = score?.Segment,
            ValueTier = score?.ValueTier,
        };
        return (context, sends);
    }

    /// <summary>The latest scoring run's score of the customer, if any.</summary>
    private async Task<CustomerScore?> ScoreAsync(string customerId, CancellationToken cancellationToken) =>
        scores is not null && metrics is not null && await metrics.LatestAsync(cancellationToken) is { } latest
            ? await scores.GetAsync(latest.Date, customerId, cancellationToken)
            : null;

    /// <summary>The channels whose address is on the global suppression list (bounces, complaints, STOP replies), whoever it belongs to now.</summary>
    private async Task<IReadOnlyList<MessageChannel>> SuppressedAsync(CustomerContext profile, ContextNeeds needs, CancellationToken cancellationToken)
    {
        if (suppressions is null)
        {
            return [];
        }

        var suppressed = new List<MessageChannel>(2);
        if (needs.EmailSuppression && profile.Email is { } email && await suppressions.IsSuppressedAsync(MessageChannel.Email, email, cancellationToken))
        {
            suppressed.Add(MessageChannel.Email);
        }

        if (needs.SmsSuppression && profile.Phone is { } phone && await suppressions.IsSuppressedAsync(MessageChannel.Sms, phone, cancellationToken))
        {
            suppressed.Add(MessageChannel.Sms);
        }

        return suppressed;
    }

    // Written here rather than through ConsentRecorder, which notifies the runner itself (a circular dependency).
    private async Task RecordOptOutAsync(string customerId, ConsentRecord consent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (await customers.GetAsync(customerId, cancellationToken) is not { } current)
            {
                return;
            }

            var updated = CustomerAggregator.Apply(current.Value, new CustomerIdentity(null, null, null, Consents: [consent]));
            if (await customers.SaveAsync(updated, current.ETag, cancellationToken) == WriteOutcome.Written)
            {
                return;
            }
        }
    }

    // Cached like definitions: a campaign defined in the last DefinitionCacheTime may be unseen by another process.
    private async Task<bool> AnyCampaignsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (anyCampaigns.Until > now)
        {
            return anyCampaigns.Any;
        }

        var any = (await definitions.ListAsync(cancellationToken)).Count > 0;
        anyCampaigns = (any, any ? DateTimeOffset.MaxValue : now + settings.DefinitionCacheTime);
        return any;
    }

    private async Task<CampaignDefinition?> DefinitionAsync(string campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(campaignId, out var hit) && hit.Until > now)
        {
            return hit.Definition;
        }

        var definition = await definitions.GetAsync(campaignId, cancellationToken);
        cache[campaignId] = (definition, now + settings.DefinitionCacheTime);
        return definition;
    }
}
