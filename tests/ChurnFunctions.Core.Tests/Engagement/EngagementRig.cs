using System.Collections.Concurrent;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Tests.Engagement;

/// <summary>The engagement use cases over in-memory ports, with a fixed clock and a recording campaign-events port.</summary>
internal sealed class EngagementRig
{
    public EngagementRig()
    {
        var merger = new CustomerMerger(Store, Index);
        Consents = new ConsentRecorder(Store, Index, merger, Events, Options.Create(new WebhookOptions { DefaultCountryCode = "1" }));
        Email = new EmailActivityHandler(Processed, Suppressions, Consents, Events, NullLogger<EmailActivityHandler>.Instance);
        Sms = new SmsActivityHandler(Processed, Deliveries, Suppressions, Consents, Events, Clock, NullLogger<SmsActivityHandler>.Instance);
    }

    public FixedClock Clock { get; } = new(DateTimeOffset.Parse("2024-06-01T12:00:00Z"));

    public InMemoryCustomerStore Store { get; } = new();

    public InMemoryIdentityIndex Index { get; } = new();

    public MemorySuppressionList Suppressions { get; } = new();

    public MemoryProcessedEvents Processed { get; } = new();

    public MemoryDeliveryLog Deliveries { get; } = new();

    public RecordingCampaignEvents Events { get; } = new();

    public ConsentRecorder Consents { get; }

    public EmailActivityHandler Email { get; }

    public SmsActivityHandler Sms { get; }

    public async Task<string> AddCustomerAsync(string id, string? email = null, string? phone = null, params ConsentRecord[] consents)
    {
        await Store.SaveAsync(new CustomerRecord { Id = id, Email = email, Phone = phone, Consents = consents }, null, CancellationToken.None);
        if (email is not null)
        {
            await Index.ClaimAsync(IdentityKeys.ForEmail(email), id, CancellationToken.None);
        }

        if (phone is not null)
        {
            await Index.ClaimAsync(IdentityKeys.ForPhone(phone), id, CancellationToken.None);
        }

        return id;
    }

    public async Task<ConsentRecord?> ConsentAsync(string customerId, MessageChannel channel) =>
        (await Store.GetAsync(customerId, CancellationToken.None))!.Value.Consents.SingleOrDefault(c => c.Channel == channel);

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    internal sealed class MemorySuppressionList : ISuppressionList
    {
        public ConcurrentDictionary<(MessageChannel, string), SuppressionEntry> Entries { get; } = new();

        public Task<bool> IsSuppressedAsync(MessageChannel channel, string address, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.ContainsKey((channel, SuppressionEntry.Normalize(channel, address))));

        public Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
        {
            Entries[(entry.Channel, SuppressionEntry.Normalize(entry.Channel, entry.Address))] = entry;
            return Task.CompletedTask;
        }

        public Task<bool> RemoveAsync(MessageChannel channel, string address, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.TryRemove((channel, SuppressionEntry.Normalize(channel, address)), out _));
    }

    internal sealed class MemoryProcessedEvents : IProcessedEvents
    {
        private readonly ConcurrentDictionary<string, bool> claims = new();

        public Task<bool> TryClaimAsync(string source, string eventId, CancellationToken cancellationToken) =>
            Task.FromResult(claims.TryAdd(source + "/" + eventId, true));

        public Task ReleaseAsync(string source, string eventId, CancellationToken cancellationToken)
        {
            claims.TryRemove(source + "/" + eventId, out _);
            return Task.CompletedTask;
        }
    }

    internal sealed class MemoryDeliveryLog : ISmsDeliveryLog
    {
        public ConcurrentDictionary<string, SmsDeliveryRecord> Records { get; } = new();

        public Task RecordAsync(SmsDeliveryRecord record, CancellationToken cancellationToken)
        {
            Records.AddOrUpdate(record.SendId, record, (_, old) => old.IsFinal && !record.IsFinal ? old : record);
            return Task.CompletedTask;
        }

        public Task<SmsDeliveryRecord?> GetAsync(string sendId, CancellationToken cancellationToken) =>
            Task.FromResult(Records.GetValueOrDefault(sendId));
    }

    internal sealed class RecordingCampaignEvents : ICampaignEvents
    {
        public ConcurrentQueue<(string CustomerId, CampaignInput Input)> Raised { get; } = new();

        public Func<CampaignInput, Exception?> Fail { get; set; } = _ => null;

        public Task RaiseAsync(string customerId, CampaignInput input, CancellationToken cancellationToken)
        {
            if (Fail(input) is { } ex)
            {
                throw ex;
            }

            Raised.Enqueue((customerId, input));
            return Task.CompletedTask;
        }
    }
}
