using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using ChurnFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Campaigns.Runtime;

/// <summary>
/// Exactly-once sends over the ledger: begin (write pending) -> provider call -> mark sent/failed.
/// <list type="bullet">
/// <item>Sent, or failed at this attempt: answered from the ledger, no call.</item>
/// <item>Failed at an earlier attempt (a transient failure the decider retries): begun again as this attempt.</item>
/// <item>Pending within its lease: another runner is calling the provider; the caller waits for the lease's end.</item>
/// <item>Pending past its lease: its runner died between the ledger write and the mark. Neither SendGrid nor the
/// ports offer a lookup by send id, so the policy is to send again: exactly once when the crash came before the
/// provider call (the ledger write comes first), at worst twice when it came during the call after the provider
/// accepted. A pending entry that names a provider id counts as sent.</item>
/// <item>The provider's answer was lost (<see cref="SendResult.MaybeSent"/>): the entry becomes uncertain and the caller
/// waits for <see cref="CampaignRuntimeOptions.UncertainSendWindow"/>; a provider event naming the send id marks it sent
/// meanwhile (<see cref="SendReconciler"/>). After the window, <see cref="CampaignRuntimeOptions.ResendUncertainSends"/>
/// sends it again or counts it as sent.</item>
/// </list>
/// With <see cref="FrequencyCaps"/>, a send also reserves its recipient's channel before the ledger write: when the cap
/// window of another send is open, the outcome is busy until it ends, and nothing is written or sent.
/// </summary>
public sealed class LedgeredSender(
    ISendLedger ledger,
    IEmailSender email,
    ISmsSender sms,
    IOptions<CampaignRuntimeOptions> options,
    ILogger<LedgeredSender> logger,
    ChurnMetrics metrics,
    FrequencyCaps? caps = null)
{
    private readonly TimeSpan lease = options.Value.SendLease;
    private readonly TimeSpan uncertainWindow = options.Value.UncertainSendWindow;
    private readonly bool resendUncertain = options.Value.ResendUncertainSends;

    public Task<SendOutcome> SendAsync(CampaignAction send, int attempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        SendAsync(send, attempt, now, neverBegun: false, cancellationToken);

    /// <param name="neverBegun">
    /// The caller knows no runner can have begun this send (a runner begins only sends that a state it persisted names
    /// as pending, and none did before): the entry is inserted without reading the ledger first. Should one exist all
    /// the same, the insert fails and the entry is read as usual.
    /// </param>
    public async Task<SendOutcome> SendAsync(CampaignAction send, int attempt, DateTimeOffset now, bool neverBegun, CancellationToken cancellationToken)
    {
        var (sendId, channel, address) = Describe(send);
        var mine = new SendLedgerEntry(sendId, channel, SendLedgerStatus.Pending, attempt, now + lease);
        while (true)
        {
            var existing = neverBegun ? null : await ledger.GetAsync(sendId, cancellationToken);
            neverBegun = false;
            string? etag;
            CapReservation reservation;
            if (existing is null)
            {
                reservation = await ReserveAsync(channel, address, sendId, now, cancellationToken);
                if (reservation.BusyUntil is { } capped)
                {
                    return SendOutcome.Busy(capped);
                }

                etag = await ledger.TryInsertAsync(mine, cancellationToken);
            }
            else
            {
                var entry = existing.Value;
                switch (entry.Status)
                {
                    case SendLedgerStatus.Sent:
                    case SendLedgerStatus.Failed when entry.Attempt >= attempt:
                        return new SendOutcome(entry.Result, null, FromLedger: true);
                    case SendLedgerStatus.Pending when entry.Result?.ProviderMessageId is { } providerId:
                        return new SendOutcome(SendResult.Sent(providerId), null, FromLedger: true);
                    case SendLedgerStatus.Pending when entry.LeaseUntil > now:
                        return SendOutcome.Busy(entry.LeaseUntil);
                    case SendLedgerStatus.Pending:
                        RuntimeLogs.TakingOverSend(logger, sendId, entry.Attempt, entry.LeaseUntil);
                        break;
                    case SendLedgerStatus.Uncertain when entry.LeaseUntil > now:
                        return SendOutcome.Busy(entry.LeaseUntil);
                    case SendLedgerStatus.Uncertain when !resendUncertain:
                        return await GiveUpAsync(entry, existing.ETag, cancellationToken);
                    case SendLedgerStatus.Uncertain:
                        RuntimeLogs.ResendingUncertain(logger, sendId, entry.LeaseUntil);
                        break;
                }

                reservation = await ReserveAsync(channel, address, sendId, now, cancellationToken);
                if (reservation.BusyUntil is { } capped)
                {
                    return SendOutcome.Busy(capped);
                }

                etag = await ledger.TryReplaceAsync(mine, existing.ETag, cancellationToken);
            }

            if (etag is not null)
            {
                return await CallAsync(send, mine, etag, address, reservation.Held, now, cancellationToken);
            }
        }
    }

    /// <summary>No event came for an uncertain send and the policy is not to re-send: it counts as sent, marked so.</summary>
    private async Task<SendOutcome> GiveUpAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        var result = new SendResult(SendStatus.Sent, null, "uncertain", "The answer was lost and no provider event named the send; not sent again");
        RuntimeLogs.UncertainNotResent(logger, entry.SendId);
        await ledger.TryReplaceAsync(entry with { Status = SendLedgerStatus.Sent, Result = result }, etag, cancellationToken);
        return new SendOutcome(result, null, FromLedger: true);
    }

    private static (string SendId, MessageChannel Channel, string Address) Describe(CampaignAction send) => send switch
    {
        SendEmail e => (e.SendId, MessageChannel.Email, e.Message.To),
        SendSms s => (s.SendId, MessageChannel.Sms, s.Message.To),
        _ => throw new ArgumentException("Not a send action.", nameof(send)),
    };

    private async Task<CapReservation> ReserveAsync(MessageChannel channel, string address, string sendId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (caps is null)
        {
            return CapReservation.Free;
        }

        var reservation = await caps.ReserveAsync(channel, address, sendId, now, cancellationToken);
        if (reservation.BusyUntil is { } until)
        {
            RuntimeLogs.Capped(logger, sendId, until);
        }

        return reservation;
    }

    private async Task<SendOutcome> CallAsync(
        CampaignAction send, SendLedgerEntry pending, string etag, string address, Versioned<ChannelReservation>? held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = send switch
        {
            SendEmail e => await email.SendAsync(e.Message, cancellationToken),
            SendSms s => await sms.SendAsync(s.Message, cancellationToken),
            _ => throw new ArgumentException("Not a send action.", nameof(send)),
        };
        metrics.Sent(pending.Channel, result);
        var uncertain = result.Status != SendStatus.Sent && result.MaybeSent;
        var done = pending with
        {
            Status = result.Status == SendStatus.Sent ? SendLedgerStatus.Sent : uncertain ? SendLedgerStatus.Uncertain : SendLedgerStatus.Failed,
            LeaseUntil = uncertain ? now + uncertainWindow : pending.LeaseUntil,
            Result = result,
        };
        // The ledger first: a failed cap write must not leave a sent message pending (taken over and sent again later).
        if (await ledger.TryReplaceAsync(done, etag, cancellationToken) is null)
        {
            // Our lease ran out during the call and another runner took the entry over: it will record its own outcome.
            RuntimeLogs.LostSendLease(logger, pending.SendId);
        }

        if (caps is not null)
        {
            // Kept while the message may have gone out; released only when nothing did.
            if (result.Status == SendStatus.Sent || uncertain)
            {
                await caps.KeepAsync(pending.Channel, address, pending.SendId, now, held, cancellationToken);
            }
            else
            {
                await caps.ReleaseAsync(pending.Channel, address, pending.SendId, held, cancellationToken);
            }
        }

        if (uncertain)
        {
            // Not fed back to the decider: the step waits for the reconciliation, then comes here again.
            RuntimeLogs.SendUncertain(logger, pending.SendId, done.LeaseUntil);
            return SendOutcome.Busy(done.LeaseUntil);
        }

        return new SendOutcome(result, null, FromLedger: false);
    }
}
