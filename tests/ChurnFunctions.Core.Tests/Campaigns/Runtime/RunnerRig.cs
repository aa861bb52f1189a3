using System.Collections.Concurrent;
using System.Text.Json;
using ChurnFunctions.Core.Campaigns;
using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Engagement;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Messaging;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ChurnFunctions.Core.Tests.Support;

namespace ChurnFunctions.Core.Tests.Campaigns.Runtime;

/// <summary>A <see cref="CampaignRunner"/> over in-memory ports, a settable clock and counting senders.</summary>
internal sealed class RunnerRig
{
    public const string CampaignId = "win-back";

    public RunnerRig(CampaignDefinition? definition = null, CampaignRuntimeOptions? options = null)
    {
        Definition = definition ?? TwoStep(TimeSpan.FromDays(2));
        var definitions = new Mock<ICampaignDefinitionStore>();
        definitions.Setup(d => d.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Definition);
        definitions.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => [Definition]);
        var customers = new Mock<ICustomerStore>();
        customers.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => Customers.TryGetValue(id, out var r) ? new Versioned<CustomerRecord>(r, "e") : null);
        var runtime = Options.Create(options ?? new CampaignRuntimeOptions { DefinitionCacheTime = TimeSpan.Zero });
        var campaignOptions = new CampaignOptions { DefaultTimeZone = "UTC" };
        Sender = new LedgeredSender(Ledger, Email, Sms, runtime, NullLogger<LedgeredSender>.Instance, TestMeters.Metrics(), new FrequencyCaps(Reservations, Options.Create(campaignOptions)));
        Runner = new CampaignRunner(
            definitions.Object, Instances, WakeUps, Actions, customers.Object, Sender,
            new CampaignDecider(campaignOptions), runtime, Clock, NullLogger<CampaignRunner>.Instance,
            suppressions: Suppressions.Object);
    }

    public CampaignDefinition Definition { get; set; }

    public Dictionary<string, CustomerRecord> Customers { get; } = new(StringComparer.Ordinal);

    public MemoryInstanceStore Instances { get; } = new();

    public Mock<ISuppressionList> Suppressions { get; } = new();

    public MemoryLedger Ledger { get; } = new();

    public MemoryReservations Reservations { get; } = new();

    public MemoryWakeUps WakeUps { get; } = new();

    public MemoryActionLog Actions { get; } = new();

    public CountingSender Email { get; } = new();

    public CountingSender Sms { get; } = new();

    public LedgeredSender Sender { get; }

    public SettableClock Clock { get; } = new(DateTimeOffset.Parse("2024-06-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public CampaignRunner Runner { get; }

    public static CampaignDefinition TwoStep(TimeSpan wait) => new()
    {
        Id = CampaignId,
        Name = "Win back",
        Trigger = new SegmentEnteredTrigger("at-risk"),
        HoldoutPercent = 0,
        AttributionWindow = TimeSpan.FromDays(1),
        Steps =
        [
            new SendEmailStep { Id = "email1", TemplateId = "d-1" },
            new WaitStep { Id = "wait1", Duration = wait },
            new SendSmsStep { Id = "sms1", Text = "We miss you" },
        ],
    };

    public CustomerRecord AddCustomer(string id, string? timeZone = "UTC", bool sms = true)
    {
        var at = DateTimeOffset.Parse("2024-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var record = new CustomerRecord
        {
            Id = id,
            Email = id + "@example.com",
            Phone = "+4915112345678",
            FirstName = "Ada",
            TimeZone = timeZone,
            Consents = [new ConsentRecord(MessageChannel.Email, true, "shop", at), new ConsentRecord(MessageChannel.Sms, sms, "shop", at)],
        };
        Customers[id] = record;
        return record;
    }

    public string InstanceId(string customerId) => CampaignInstanceId.For(customerId, CampaignId);

    public CampaignInstanceState State(string customerId) => Instances.Rows[InstanceId(customerId)].Value.State;

    /// <summary>Delivers every queued wake-up that is due now (and those they queue), like the queue listener.</summary>
    public async Task DrainAsync()
    {
        while (WakeUps.TakeStarts() is { } batch)
        {
            await Runner.HandleStartsAsync(batch, CancellationToken.None);
        }

        while (WakeUps.TakeDue(Clock.GetUtcNow()) is { } message)
        {
            await Runner.HandleWakeUpAsync(message, CancellationToken.None);
        }
    }

    /// <summary>Moves the clock to the instance's next wake-up and delivers what is due.</summary>
    public async Task AdvanceToNextAsync()
    {
        if (WakeUps.Earliest() is { } at && at > Clock.GetUtcNow())
        {
            Clock.Now = at;
        }

        await DrainAsync();
    }
}

internal sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal sealed class MemoryInstanceStore : ICampaignInstanceStore
{
    private int version;

    public ConcurrentDictionary<string, Versioned<StoredInstance>> Rows { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, HashSet<string>> Running { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, CustomerSendTimes> SendTimes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs before the next replace: lets a test change the row under the runner's feet (a 412).</summary>
    public Action? BeforeNextReplace { get; set; }

    public int Conflicts { get; private set; }

    public Task<Versioned<StoredInstance>?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryGetValue(instanceId, out var row) ? Clone(row) : null);

    public Task<bool> TryInsertAsync(StoredInstance instance, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.TryAdd(instance.State.InstanceId, new Versioned<StoredInstance>(instance, NextETag())));

    public IAsyncEnumerable<InstanceHeader> ListByCampaignAsync(string campaignId, CancellationToken cancellationToken) =>
        Rows.Values
            .Where(r => r.Value.State.CampaignId == campaignId)
            .Select(r => new InstanceHeader(r.Value.State.InstanceId, r.Value.State.Phase, r.Value.NextWakeUpAt))
            .ToList()
            .ToAsyncEnumerable();

    public Task<string?> TryReplaceAsync(StoredInstance instance, string etag, CancellationToken cancellationToken)
    {
        var hook = BeforeNextReplace;
        BeforeNextReplace = null;
        hook?.Invoke();
        lock (Rows)
        {
            if (!Rows.TryGetValue(instance.State.InstanceId, out var row) || row.ETag != etag)
            {
                Conflicts++;
                return Task.FromResult<string?>(null);
            }

            var next = NextETag();
            Rows[instance.State.InstanceId] = new Versioned<StoredInstance>(instance, next);
            return Task.FromResult<string?>(next);
        }
    }

    /// <summary>Bumps the row's ETag without changing it, as a concurrent writer would.</summary>
    public void Touch(string instanceId) => Rows[instanceId] = Rows[instanceId] with { ETag = NextETag() };

    public Task<IReadOnlyList<string>> ListRunningAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Running.TryGetValue(customerId, out var set) ? [.. set] : []);

    public Task AddRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        Running.GetOrAdd(customerId, _ => new HashSet<string>(StringComparer.Ordinal)).Add(instanceId);
        return Task.CompletedTask;
    }

    public Task RemoveRunningAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        if (Running.TryGetValue(customerId, out var set))
        {
            set.Remove(instanceId);
        }

        return Task.CompletedTask;
    }

    public Task<CustomerSendTimes> GetSendTimesAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(SendTimes.GetValueOrDefault(customerId, CustomerSendTimes.None));

    public Task<CustomerSendTimes> RecordSendAsync(string customerId, MessageChannel channel, DateTimeOffset at, CustomerSendTimes? known, CancellationToken cancellationToken)
    {
        var current = SendTimes.GetValueOrDefault(customerId, CustomerSendTimes.None);
        return Task.FromResult(SendTimes[customerId] = current.With(channel, at));
    }

    // Round-trips the state through JSON, as the table does, so tests see what a reload sees.
    private static Versioned<StoredInstance> Clone(Versioned<StoredInstance> row) =>
        row with { Value = row.Value with { State = JsonSerializer.Deserialize<CampaignInstanceState>(JsonSerializer.Serialize(row.Value.State, CampaignJson.Options), CampaignJson.Options)! } };

    private string NextETag() => "W/\"" + Interlocked.Increment(ref version) + "\"";
}

internal sealed class MemoryLedger : ISendLedger
{
    private readonly ConcurrentDictionary<string, Versioned<SendLedgerEntry>> rows = new(StringComparer.Ordinal);
    private int version;

    /// <summary>Thrown right after the next successful insert: a crash between the ledger write and the provider call.</summary>
    public bool CrashAfterNextBegin { get; set; }

    public SendLedgerEntry? this[string sendId] => rows.TryGetValue(sendId, out var row) ? row.Value : null;

    /// <summary>Reads of the ledger per send id.</summary>
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public Task<Versioned<SendLedgerEntry>?> GetAsync(string sendId, CancellationToken cancellationToken)
    {
        Reads.AddOrUpdate(sendId, 1, (_, n) => n + 1);
        return Task.FromResult(rows.TryGetValue(sendId, out var row) ? row : null);
    }

    public Task<string?> TryInsertAsync(SendLedgerEntry entry, CancellationToken cancellationToken)
    {
        var etag = "e" + Interlocked.Increment(ref version);
        if (!rows.TryAdd(entry.SendId, new Versioned<SendLedgerEntry>(entry, etag)))
        {
            return Task.FromResult<string?>(null);
        }

        if (CrashAfterNextBegin)
        {
            CrashAfterNextBegin = false;
            throw new SimulatedCrashException();
        }

        return Task.FromResult<string?>(etag);
    }

    public Task<string?> TryReplaceAsync(SendLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        lock (rows)
        {
            if (!rows.TryGetValue(entry.SendId, out var row) || row.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            var next = "e" + Interlocked.Increment(ref version);
            rows[entry.SendId] = new Versioned<SendLedgerEntry>(entry, next);
            return Task.FromResult<string?>(next);
        }
    }
}

internal sealed class MemoryReservations : IChannelReservationStore
{
    private readonly Dictionary<string, Versioned<ChannelReservation>> rows = new(StringComparer.Ordinal);
    private int version;

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public Task<Versioned<ChannelReservation>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (rows)
        {
            Reads++;
            return Task.FromResult(rows.TryGetValue(key, out var row) ? row : null);
        }
    }

    public Task<string?> TryInsertAsync(ChannelReservation reservation, CancellationToken cancellationToken)
    {
        lock (rows)
        {
            Writes++;
            var etag = "r" + ++version;
            return Task.FromResult(rows.TryAdd(reservation.Key, new Versioned<ChannelReservation>(reservation, etag)) ? etag : null);
        }
    }

    public Task<string?> TryReplaceAsync(ChannelReservation reservation, string etag, CancellationToken cancellationToken)
    {
        lock (rows)
        {
            Writes++;
            if (!rows.TryGetValue(reservation.Key, out var row) || row.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            var next = "r" + ++version;
            rows[reservation.Key] = new Versioned<ChannelReservation>(reservation, next);
            return Task.FromResult<string?>(next);
        }
    }
}

internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("Simulated crash.")
    {
    }
}

internal sealed class MemoryWakeUps : IWakeUpScheduler
{
    private readonly List<WakeUpMessage> queue = [];
    private readonly Queue<StartBatchMessage> starts = new();

    public List<WakeUpMessage> Scheduled { get; } = [];

    public Action? OnSchedule { get; set; }

    // Locked: a start batch runs its starts side by side, and they schedule wake-ups.
    public Task ScheduleAsync(WakeUpMessage message, CancellationToken cancellationToken)
    {
        OnSchedule?.Invoke();
        lock (queue)
        {
            queue.Add(message);
            Scheduled.Add(message);
        }

        return Task.CompletedTask;
    }

    /// <summary>Start batches queued by an enrollment pass, in order, delivered or not.</summary>
    public List<StartBatchMessage> StartBatches { get; } = [];

    public Task QueueStartsAsync(StartBatchMessage batch, CancellationToken cancellationToken)
    {
        OnSchedule?.Invoke();
        lock (queue)
        {
            StartBatches.Add(batch);
            starts.Enqueue(batch);
        }

        return Task.CompletedTask;
    }

    public StartBatchMessage? TakeStarts()
    {
        lock (queue)
        {
            return starts.TryDequeue(out var batch) ? batch : null;
        }
    }

    public WakeUpMessage? TakeDue(DateTimeOffset now)
    {
        lock (queue)
        {
            var due = queue.Where(m => m.DueAt <= now).OrderBy(m => m.DueAt).FirstOrDefault();
            if (due is not null)
            {
                queue.Remove(due);
            }

            return due;
        }
    }

    public DateTimeOffset? Earliest() => queue.Count == 0 ? null : queue.Min(m => m.DueAt);

    public int Pending => queue.Count;
}

internal sealed class MemoryActionLog : ICampaignActionLog
{
    public List<CampaignAction> Recorded { get; } = [];

    public Task RecordAsync(string instanceId, string customerId, CampaignAction action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (Recorded)
        {
            Recorded.Add(action);
        }

        return Task.CompletedTask;
    }
}

internal sealed class CountingSender : IEmailSender, ISmsSender
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public Queue<SendResult> NextResults { get; } = new();

    public int Total => counts.Values.Sum();

    public int Count(string sendId) => counts.GetValueOrDefault(sendId);

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) => Send(message.SendId);

    public Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken) => Send(message.SendId);

    private Task<SendResult> Send(string sendId)
    {
        if (NextResults.TryDequeue(out var result) && result.Status != SendStatus.Sent)
        {
            return Task.FromResult(result);
        }

        counts.AddOrUpdate(sendId, 1, (_, n) => n + 1);
        return Task.FromResult(SendResult.Sent("prov-" + sendId));
    }
}
