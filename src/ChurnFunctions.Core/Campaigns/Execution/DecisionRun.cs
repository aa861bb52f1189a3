using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;

namespace ChurnFunctions.Core.Campaigns;

/// <summary>One call of <see cref="CampaignDecider.Decide"/>: the state as it changes and the actions so far, plus the step runner.</summary>
internal sealed class DecisionRun(
    CampaignDefinition definition,
    CampaignPlan plan,
    CampaignInstanceState state,
    DateTimeOffset now,
    CustomerContext context,
    CampaignOptions options,
    TimeZoneInfo zone)
{
    private readonly List<CampaignAction> actions = [];

    public CampaignInstanceState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now.ToUniversalTime();

    public CampaignDefinition Definition { get; } = definition;

    public CampaignPlan Plan { get; } = plan;

    public CustomerContext Context { get; } = context;

    public Decision ToDecision() => new(State, actions.ToList());

    public void Emit(CampaignAction action) => actions.Add(action);

    public void Schedule(DateTimeOffset at) => Emit(new ScheduleWakeUp(at.ToUniversalTime()));

    public void Complete(CompletionReason reason)
    {
        State = State with
        {
            Phase = CampaignPhase.Completed,
            CompletionReason = reason,
            ExitReason = State.ExitReason ?? reason,
            CurrentStepId = null,
            WaitUntil = null,
            BranchWindowOpensAt = null,
            PendingSend = null,
        };
        Emit(new Complete(reason));
    }

    /// <summary>
    /// Stop messaging: complete now if converted or past the deadline, else track until the conversion deadline.
    /// </summary>
    public void EndMessaging(CompletionReason reason)
    {
        State = State with
        {
            Phase = CampaignPhase.Tracking,
            ExitReason = reason,
            CurrentStepId = null,
            WaitUntil = null,
            BranchWindowOpensAt = null,
            PendingSend = null,
        };
        Track();
    }

    /// <summary>In tracking: finish once converted or at the deadline, else keep the deadline's timer armed.</summary>
    public void Track()
    {
        var reason = State.ExitReason ?? CompletionReason.StepsFinished;
        if (State.Conversion is not null)
        {
            Complete(CompletionReason.Purchase);
        }
        else if (State.ConversionDeadline is not { } deadline || Now >= deadline)
        {
            Complete(reason);
        }
        else
        {
            Schedule(deadline);
        }
    }

    /// <summary>Records a purchase; true when it is one to act on (made after entry).</summary>
    public bool ObservePurchase(DateTimeOffset at, decimal amount)
    {
        if (State.EnteredAt is not { } entered || at < entered)
        {
            return false;
        }

        State = State with { LastPurchaseAt = Later(State.LastPurchaseAt, at) };
        if (State.Conversion is null && State.ConversionDeadline is { } deadline && at <= deadline)
        {
            State = State with { Conversion = new Conversion(at.ToUniversalTime(), amount) };
        }

        return true;
    }

    public void OptOut(MessageChannel channel)
    {
        if (!State.OptedOutChannels.Contains(channel))
        {
            State = State with { OptedOutChannels = [.. State.OptedOutChannels, channel] };
        }
    }

    public void MarkUnreachable(MessageChannel channel)
    {
        if (!State.UnreachableChannels.Contains(channel))
        {
            State = State with { UnreachableChannels = [.. State.UnreachableChannels, channel] };
        }
    }

    /// <summary>Runs steps from the current one until one has to wait (a timer, a send's outcome) or none are left.</summary>
    public void Continue()
    {
        while (State.Phase == CampaignPhase.Active)
        {
            if (State.CurrentStepId is not { } stepId)
            {
                EndMessaging(CompletionReason.StepsFinished);
                return;
            }

            var blocked = Plan.Find(stepId) switch
            {
                null => Finish(CompletionReason.DefinitionChanged),
                SendEmailStep email => RunSend(email, MessageChannel.Email),
                SendSmsStep sms => RunSend(sms, MessageChannel.Sms),
                WaitStep wait => RunWait(wait),
                BranchStep branch => RunBranch(branch),
                IssueCouponStep coupon => RunCoupon(coupon),
                CreateStaffTaskStep task => RunTask(task),
                _ => Finish(CompletionReason.DefinitionChanged),
            };
            if (blocked)
            {
                return;
            }
        }
    }

    /// <summary>Moves past <paramref name="stepId"/> to the step that follows it.</summary>
    public void Advance(string stepId) => MoveTo(Plan.Next(stepId));

    /// <summary>Makes <paramref name="stepId"/> (null: none left) the current step, fresh: no timer, no pending send.</summary>
    public void MoveTo(string? stepId) =>
        State = State with { CurrentStepId = stepId, WaitUntil = null, BranchWindowOpensAt = null, PendingSend = null };

    public void Skip(string stepId, string reason)
    {
        Log(stepId, StepOutcome.Skipped, reason);
        Emit(new RecordSkip(stepId, reason));
        Advance(stepId);
    }

    public void Log(string stepId, StepOutcome outcome, string? detail = null) =>
        State = State with { Log = [.. State.Log, new StepLogEntry(stepId, outcome, Now, detail)] };

    /// <summary>If the current step is a waiting branch on <paramref name="condition"/> and an event at <paramref name="at"/> satisfies it, takes "then" and runs on.</summary>
    public void ResolveBranch(BranchCondition condition, DateTimeOffset at)
    {
        if (State.Phase == CampaignPhase.Active
            && State.CurrentStepId is { } stepId
            && Plan.Find(stepId) is BranchStep branch
            && branch.Condition == condition
            && State.BranchWindowOpensAt is { } opens
            && State.WaitUntil is { } closes
            && at >= opens && at <= closes)
        {
            TakeBranch(branch, then: true);
            Continue();
        }
    }

    /// <summary>Why <paramref name="channel"/> cannot be used now, or null. A refusal is never overridden.</summary>
    public string? BlockReason(MessageChannel channel)
    {
        var name = channel == MessageChannel.Email ? "email" : "sms";
        if (Context.DoNotContact)
        {
            return "customer is do-not-contact";
        }

        if (State.OptedOutChannels.Contains(channel))
        {
            return $"opted out of {name}";
        }

        if (!Context.HasConsent(channel))
        {
            return $"no {name} consent";
        }

        if (Context.SuppressedChannels.Contains(channel))
        {
            return $"{name} suppressed";
        }

        if (State.UnreachableChannels.Contains(channel))
        {
            return $"{name} unreachable";
        }

        var address = channel == MessageChannel.Email ? Context.Email : Context.Phone;
        return string.IsNullOrWhiteSpace(address) ? (channel == MessageChannel.Email ? "no email address" : "no phone number") : null;
    }

    /// <summary>The first instant at or after <paramref name="from"/> outside the customer's quiet hours.</summary>
    public DateTimeOffset OutsideQuietHours(DateTimeOffset from) =>
        QuietHours.NextAllowed(from, zone, options.QuietHoursStart, options.QuietHoursEnd).ToUniversalTime();

    private bool Finish(CompletionReason reason)
    {
        Complete(reason);
        return true;
    }

    private bool RunSend(CampaignStep step, MessageChannel channel)
    {
        if (BlockReason(channel) is { } reason)
        {
            Skip(step.Id, reason);
            return false;
        }

        if (State.WaitUntil is { } until && Now < until)
        {
            Schedule(until);
            return true;
        }

        // The frequency cap counts this instance's sends and every other campaign's (from the context).
        var interval = channel == MessageChannel.Email ? options.EmailMinInterval : options.SmsMinInterval;
        var lastSent = Later(Context.LastSentAt(channel), State.LastSentAt(channel));
        var earliest = lastSent is { } last && last + interval > Now ? last + interval : Now;
        earliest = OutsideQuietHours(earliest);
        if (earliest > Now)
        {
            State = State with { WaitUntil = earliest };
            Schedule(earliest);
            return true;
        }

        var sendId = CampaignInstanceId.ForStep(State.InstanceId, step.Id);
        var pending = step is SendEmailStep email
            ? new PendingSend(step.Id, sendId, channel, RenderEmail(email, sendId), null)
            : new PendingSend(step.Id, sendId, channel, null, new SmsMessage(sendId, Context.Phone!, Render(((SendSmsStep)step).Text)));
        State = State with { PendingSend = pending, WaitUntil = null };
        Emit(pending.ToAction());
        return true;
    }

    private bool RunWait(WaitStep wait)
    {
        if (State.WaitUntil is not { } until)
        {
            until = Now + wait.Duration;
            State = State with { WaitUntil = until };
        }

        if (Now < until)
        {
            Schedule(until);
            return true;
        }

        Log(wait.Id, StepOutcome.Waited);
        Advance(wait.Id);
        return false;
    }

    private bool RunBranch(BranchStep branch)
    {
        if (State.WaitUntil is null)
        {
            var lastSend = Later(State.LastEmailSentAt, State.LastSmsSentAt);
            State = State with { BranchWindowOpensAt = lastSend ?? Now, WaitUntil = Now + branch.Window };
        }

        var opens = State.BranchWindowOpensAt!.Value;
        var closes = State.WaitUntil!.Value;
        var seen = branch.Condition switch
        {
            BranchCondition.Purchase => State.LastPurchaseAt,
            BranchCondition.EmailClick => State.LastClickAt,
            _ => State.LastReplyAt,
        };
        if (seen is { } at && at >= opens && at <= closes)
        {
            TakeBranch(branch, then: true);
            return false;
        }

        if (Now >= closes)
        {
            TakeBranch(branch, then: false);
            return false;
        }

        Schedule(closes);
        return true;
    }

    private void TakeBranch(BranchStep branch, bool then)
    {
        Log(branch.Id, then ? StepOutcome.BranchThen : StepOutcome.BranchElse);
        MoveTo(Plan.Enter(branch, then));
    }

    private bool RunCoupon(IssueCouponStep coupon)
    {
        var code = CouponCodes.Create(State.InstanceId, coupon.Id, coupon.Prefix, coupon.Length, options.CouponSecret);
        State = State with { CouponCode = code };
        Emit(new IssueCoupon(coupon.Id, code, coupon.ValidFor is { } validFor ? Now + validFor : null));
        Log(coupon.Id, StepOutcome.CouponIssued, code);
        Advance(coupon.Id);
        return false;
    }

    private bool RunTask(CreateStaffTaskStep task)
    {
        if (Context.DoNotContact)
        {
            Skip(task.Id, "customer is do-not-contact");
            return false;
        }

        if (Context.DoNotCall)
        {
            Skip(task.Id, "staff recorded do-not-call");
            return false;
        }

        Emit(new CreateStaffTask(task.Id, CampaignInstanceId.ForStep(State.InstanceId, task.Id), Render(task.Text)));
        Log(task.Id, StepOutcome.TaskCreated);
        Advance(task.Id);
        return false;
    }

    private EmailMessage RenderEmail(SendEmailStep step, string sendId) => new(
        sendId,
        Context.Email!,
        Subject: null,
        TextBody: null,
        TemplateId: step.TemplateId,
        TemplateData: step.TemplateData.ToDictionary(p => p.Key, p => Render(p.Value), StringComparer.Ordinal),
        Categories: ["campaign:" + Definition.Id, "step:" + step.Id],
        UnsubscribeGroupId: step.UnsubscribeGroupId);

    private string Render(string text) => Placeholders.Render(text, new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [Placeholders.FirstName] = Context.FirstName,
        [Placeholders.LastName] = Context.LastName,
        [Placeholders.CouponCode] = State.CouponCode,
        [Placeholders.CampaignName] = Definition.Name,
        [Placeholders.SurveyLink] = Context.SurveyLink,
    });

    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
