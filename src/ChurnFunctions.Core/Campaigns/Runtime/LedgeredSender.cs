using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
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
/// </list>
/// </summary>
public sealed class LedgeredSender(
    ISendLedger ledger,
    IEmailSender email,
    ISmsSender sms,
    IOptions<CampaignRuntimeOptions> options,
    ILogger<LedgeredSender> logger)
{
    private readonly TimeSpan lease = options.Value.SendLease;

    public async Task<SendOutcome> SendAsync(CampaignAction send, int attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sendId, channel) = send switch
        {
            SendEmail e => (e.SendId, MessageChannel.Email),
            SendSms s => (s.SendId, MessageChannel.Sms),
            _ => throw new ArgumentException("Not a send action.", nameof(send)),
        };
        var mine = new SendLedgerEntry(sendId, channel, SendLedgerStatus.Pending, attempt, now + lease);
        while (true)
        {
            var existing = await ledger.GetAsync(sendId, cancellationToken);
            string? etag;
            if (existing is null)
            {
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
                }

                etag = await ledger.TryReplaceAsync(mine, existing.ETag, cancellationToken);
            }

            if (etag is not null)
            {
                return await CallAsync(send, mine, etag, cancellationToken);
            }
        }
    }

    private async Task<SendOutcome> CallAsync(CampaignAction send, SendLedgerEntry pending, string etag, CancellationToken cancellationToken)
    {
        var result = send switch
        {
            SendEmail e => await email.SendAsync(e.Message, cancellationToken),
            SendSms s => await sms.SendAsync(s.Message, cancellationToken),
            _ => throw new ArgumentException("Not a send action.", nameof(send)),
        };
        var done = pending with
        {
            Status = result.Status == SendStatus.Sent ? SendLedgerStatus.Sent : SendLedgerStatus.Failed,
            Result = result,
        };
        if (await ledger.TryReplaceAsync(done, etag, cancellationToken) is null)
        {
            // Our lease ran out during the call and another runner took the entry over: it will record its own outcome.
            RuntimeLogs.LostSendLease(logger, pending.SendId);
        }

        return new SendOutcome(result, null, FromLedger: false);
    }
}
