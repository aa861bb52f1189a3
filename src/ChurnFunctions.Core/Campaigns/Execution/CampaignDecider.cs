using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Scoring;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>
/// The campaign's state machine, shared by the Durable orchestrator and the self-host runner:
/// (definition, state, input, now, customer) -&gt; (new state, actions). No I/O, clock or randomness: time is
/// <c>now</c>, holdout and coupon codes are hashes of ids.
/// <para>Contract with hosts:</para>
/// <list type="bullet">
/// <item>Deterministic: the same arguments always give an equal decision, so a replay or a repeated input is safe.
/// Persist the new state and the actions together, then carry the actions out in order; every action is idempotent
/// by its key (send id = instance id + ":" + step id, task id likewise, coupon code, wake-up time).</item>
/// <item>Sends: the step pointer moves past a send only on its <see cref="SendCompleted"/>. Until then every
/// <see cref="WakeUp"/> (outside quiet hours) re-emits the identical send kept in the state, never a second, different
/// one; the runner answers a send id it already handed to the provider from its ledger instead of sending again.
/// A crash between the ledger write and the provider call is recovered by delivering a WakeUp.</item>
/// <item>Consent: a send step on a channel without consent (or opted out, suppressed, unreachable, no address) is
/// skipped with a <see cref="RecordSkip"/>, and the campaign goes on with its later steps (waits, coupons, staff
/// tasks, sends on the other channel): a consent gap never fails or ends the campaign by itself.</item>
/// <item>Quiet hours (customer's zone, re-read at every decision) and frequency caps defer a send to the first allowed
/// instant, never drop it; a deferred send is re-checked when its timer fires.</item>
/// <item>Holdout customers enter, are recorded, receive nothing, and are tracked for a purchase until the same
/// conversion deadline as treated ones.</item>
/// <item>Inputs for a completed instance, purchases before entry and send results that are not the pending send
/// are ignored: same state, no actions.</item>
/// </list>
/// </summary>
public sealed class CampaignDecider
{
    private readonly CampaignOptions options;
    private readonly TimeZoneInfo defaultZone;

    public CampaignDecider(CampaignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        defaultZone = TimeZones.Find(options.DefaultTimeZone)
            ?? throw new ArgumentException($"Unknown time zone '{options.DefaultTimeZone}'.", nameof(options));
    }

    public CampaignDecider(IOptions<CampaignOptions> options)
        : this(options?.Value!)
    {
    }

    public Decision Decide(CampaignDefinition definition, CampaignInstanceState state, CampaignInput input, DateTimeOffset now, CustomerContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(state.CampaignId, definition.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The state is for campaign '{state.CampaignId}', not '{definition.Id}'.", nameof(state));
        }

        if (!string.Equals(state.CustomerId, context.CustomerId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The context is for another customer than the state.", nameof(context));
        }

        if (state.Phase == CampaignPhase.Completed)
        {
            return new Decision(state, []);
        }

        var zone = TimeZones.Find(context.TimeZone) ?? defaultZone;
        var run = new DecisionRun(definition, CampaignPlan.For(definition), state, now, context, options, zone);
        if (state.Phase != CampaignPhase.NotStarted && !definition.Enabled)
        {
            run.Complete(CompletionReason.CampaignDisabled);
            return run.ToDecision();
        }

        switch (input)
        {
            case Start:
                OnStart(run);
                break;
            case WakeUp:
                OnWakeUp(run);
                break;
            case PurchaseObserved purchase:
                OnPurchase(run, purchase);
                break;
            case EmailEvent email when state.Phase == CampaignPhase.Active:
                OnEmailEvent(run, email);
                break;
            case SmsReplied reply when state.Phase == CampaignPhase.Active:
                OnSmsReply(run, reply);
                break;
            case ConsentChanged { Consent.Granted: false } consent when state.Phase == CampaignPhase.Active:
                OnOptOut(run, consent.Consent.Channel);
                break;
            case SendCompleted completed when state.Phase == CampaignPhase.Active:
                OnSendCompleted(run, completed);
                break;
        }

        return run.ToDecision();
    }

    private static void OnStart(DecisionRun run)
    {
        var state = run.State;
        if (state.Phase != CampaignPhase.NotStarted)
        {
            return;
        }

        var definition = run.Definition;
        var plan = run.Plan;
        run.State = state with
        {
            EnteredAt = run.Now,
            ConversionDeadline = run.Now + plan.NominalDuration + definition.AttributionWindow,
        };
        if (!definition.Enabled)
        {
            run.Complete(CompletionReason.CampaignDisabled);
            return;
        }

        if (!InAudience(definition.Audience, run.Context))
        {
            run.Complete(CompletionReason.NotEligible);
            return;
        }

        if (HoldoutAssignment.IsHoldout(state.CustomerId, definition.Id, definition.HoldoutPercent))
        {
            run.State = run.State with { IsHoldout = true };
            run.EndMessaging(CompletionReason.Holdout);
            return;
        }

        run.State = run.State with { Phase = CampaignPhase.Active, CurrentStepId = plan.FirstStepId };
        run.Continue();
    }

    private void OnWakeUp(DecisionRun run)
    {
        switch (run.State.Phase)
        {
            case CampaignPhase.Tracking:
                run.Track();
                return;
            case CampaignPhase.Active when run.State.PendingSend is { } pending:
                ResumePendingSend(run, pending);
                return;
            case CampaignPhase.Active:
                run.Continue();
                return;
        }
    }

    /// <summary>
    /// Re-emits a send whose outcome is unknown (recovery) or that failed transiently (retry), unchanged, once its
    /// retry time has come and outside quiet hours; skips it if the channel was closed meanwhile.
    /// </summary>
    private void ResumePendingSend(DecisionRun run, PendingSend pending)
    {
        if (run.BlockReason(pending.Channel) is { } reason)
        {
            run.Skip(pending.StepId, reason);
            run.Continue();
            return;
        }

        var due = run.OutsideQuietHours(run.State.WaitUntil is { } until && until > run.Now ? until : run.Now);
        if (due > run.Now)
        {
            run.State = run.State with { WaitUntil = due };
            run.Schedule(due);
            return;
        }

        run.State = run.State with { WaitUntil = null };
        run.Emit(pending.ToAction());
    }

    private static void OnPurchase(DecisionRun run, PurchaseObserved purchase)
    {
        if (run.State.Phase == CampaignPhase.NotStarted || !run.ObservePurchase(purchase.At, purchase.Amount))
        {
            return;
        }

        if (run.State.Phase == CampaignPhase.Tracking)
        {
            run.Track();
        }
        else if (run.Definition.Exit.OnPurchase)
        {
            run.Complete(CompletionReason.Purchase);
        }
        else
        {
            run.ResolveBranch(BranchCondition.Purchase, purchase.At);
        }
    }

    private static void OnEmailEvent(DecisionRun run, EmailEvent email)
    {
        switch (email.Kind)
        {
            case EmailEventKind.Clicked:
                run.State = run.State with { LastClickAt = DecisionRun.Later(run.State.LastClickAt, email.At) };
                run.ResolveBranch(BranchCondition.EmailClick, email.At);
                break;
            case EmailEventKind.Unsubscribed:
                OnOptOut(run, MessageChannel.Email);
                break;
            case EmailEventKind.SpamReport:
                run.OptOut(MessageChannel.Email);
                if (run.Definition.Exit.OnComplaint)
                {
                    run.EndMessaging(CompletionReason.Complaint);
                }

                break;
            case EmailEventKind.BouncedHard:
                OnHardBounce(run);
                break;
        }
    }

    private static void OnSmsReply(DecisionRun run, SmsReplied reply)
    {
        if (reply.IsOptOut)
        {
            OnOptOut(run, MessageChannel.Sms);
            return;
        }

        run.State = run.State with { LastReplyAt = DecisionRun.Later(run.State.LastReplyAt, reply.At) };
        run.ResolveBranch(BranchCondition.SmsReply, reply.At);
    }

    private static void OnOptOut(DecisionRun run, MessageChannel channel)
    {
        run.OptOut(channel);
        if (run.Definition.Exit.OnOptOut)
        {
            run.EndMessaging(CompletionReason.OptOut);
        }
    }

    private static void OnHardBounce(DecisionRun run)
    {
        run.MarkUnreachable(MessageChannel.Email);
        if (run.Definition.Exit.OnHardBounce)
        {
            run.EndMessaging(CompletionReason.HardBounce);
        }
    }

    private void OnSendCompleted(DecisionRun run, SendCompleted completed)
    {
        if (run.State.PendingSend is not { } pending
            || !string.Equals(pending.SendId, completed.SendId, StringComparison.Ordinal)
            || !string.Equals(pending.StepId, completed.StepId, StringComparison.Ordinal))
        {
            return;
        }

        var result = completed.Result;
        var name = pending.Channel == MessageChannel.Email ? "email" : "sms";
        switch (result.Status)
        {
            case SendStatus.Sent:
                run.State = pending.Channel == MessageChannel.Email
                    ? run.State with { LastEmailSentAt = run.Now }
                    : run.State with { LastSmsSentAt = run.Now };
                run.Log(pending.StepId, StepOutcome.Sent, result.ProviderMessageId);
                run.Advance(pending.StepId);
                run.Continue();
                break;
            case SendStatus.Transient when pending.Failures + 1 < options.MaxSendAttempts:
                var retryAt = run.OutsideQuietHours(run.Now + options.SendRetryDelay);
                run.State = run.State with { PendingSend = pending with { Failures = pending.Failures + 1 }, WaitUntil = retryAt };
                run.Schedule(retryAt);
                break;
            case SendStatus.Transient:
                run.Skip(pending.StepId, $"{name} failed {options.MaxSendAttempts} times ({result.ErrorCode ?? "transient"})");
                run.Continue();
                break;
            case SendStatus.OptedOut:
                run.Skip(pending.StepId, $"opted out of {name} at the provider");
                OnOptOut(run, pending.Channel);
                run.Continue();
                break;
            case SendStatus.InvalidRecipient:
                run.Skip(pending.StepId, $"invalid {name} recipient");
                if (pending.Channel == MessageChannel.Email)
                {
                    OnHardBounce(run);
                }
                else
                {
                    run.MarkUnreachable(MessageChannel.Sms);
                }

                run.Continue();
                break;
            default:
                run.Skip(pending.StepId, $"{name} rejected by the provider ({result.ErrorCode ?? "no code"})");
                run.Continue();
                break;
        }
    }

    private static bool InAudience(AudienceFilter audience, CustomerContext context) =>
        !context.DoNotContact
        && Matches(audience.Segments, context.Segment)
        && Matches(audience.ValueTiers, context.ValueTier)
        && audience.RequiredConsent.All(context.HasConsent);

    // Names compare in the one vocabulary, so a definition or score stored under the old spelling ("AtRisk") still matches.
    private static bool Matches(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || allowed.Any(a => ScoreNames.Same(a, value));
}
