using ChurnFunctions.Core.Campaigns.Runtime;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Privacy;

/// <summary>
/// Export and erasure of one person's data, and the retention sweep. Erasure puts the identity hashes on the erasure
/// list first, so a webhook arriving while rows are being deleted cannot create the customer again; then deletes;
/// then writes the audit entry. Every step is idempotent: a repeated erasure finds nothing and counts zeros.
/// </summary>
public sealed partial class PrivacyService(
    ICustomerStore customers,
    IIdentityIndex index,
    ICustomerDataStore data,
    IErasureList erasures,
    IPrivacyAudit audit,
    IdentityHasher hasher,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<PrivacyService> logger,
    IEnumerable<IErasureFollowUp>? followUps = null)
{
    public async Task<CustomerDataExport?> ExportAsync(string customerId, string actor, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(customerId, cancellationToken);
        if (records.Count == 0)
        {
            return null;
        }

        var export = await data.ExportAsync(SubjectOf(customerId, records), time.GetUtcNow(), cancellationToken);
        await AuditAsync("export", actor, customerId, Counts(export), null, cancellationToken);
        return export;
    }

    /// <summary>A platform's data request: the export stored as a blob for the merchant, recorded in the audit.</summary>
    public async Task<string?> ExportToBlobAsync(IReadOnlyList<string> identityKeys, string actor, CancellationToken cancellationToken)
    {
        string? blob = null;
        foreach (var customerId in await FindAsync(identityKeys, cancellationToken))
        {
            var records = await RecordsAsync(customerId, cancellationToken);
            var export = await data.ExportAsync(SubjectOf(customerId, records), time.GetUtcNow(), cancellationToken);
            blob = await data.SaveExportAsync(export, cancellationToken);
            await AuditAsync("data-request", actor, customerId, Counts(export), blob, cancellationToken);
        }

        return blob;
    }

    public async Task<ErasureOutcome> EraseAsync(string customerId, string actor, CancellationToken cancellationToken) =>
        await EraseAllAsync([customerId], [], "erase", actor, cancellationToken);

    /// <summary>
    /// Erases whoever holds any of <paramref name="identityKeys"/> or <paramref name="orderKeys"/>, and lists the
    /// identity keys even when nobody does, so a later delivery naming them creates no customer.
    /// </summary>
    public async Task<ErasureOutcome> EraseByIdentityAsync(
        IReadOnlyList<string> identityKeys, IReadOnlyList<string> orderKeys, string actor, CancellationToken cancellationToken) =>
        await EraseAllAsync(await FindAsync([.. identityKeys, .. orderKeys], cancellationToken), identityKeys, "erase", actor, cancellationToken);

    /// <summary>Every customer holding a platform id of <paramref name="source"/>: the app serves one shop per source.</summary>
    public async Task<ErasureOutcome> EraseSourceAsync(string source, string actor, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var record in customers.ListAsync(cancellationToken))
        {
            if (record.MergedInto is null && record.PlatformKeys.Any(k => k.StartsWith(source + ":", StringComparison.Ordinal)))
            {
                ids.Add(record.Id);
            }
        }

        return await EraseAllAsync(ids, [], "shop-redact", actor, cancellationToken);
    }

    /// <summary>Deletes what is older than Privacy:RetentionMonths; nothing while it is unset.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionMonths is not { } months)
        {
            return new Dictionary<string, int>();
        }

        var cutoff = time.GetUtcNow().AddMonths(-months);
        var counts = await data.DeleteOlderThanAsync(cutoff, cancellationToken);
        int transactions = counts.GetValueOrDefault("transactions"), blobs = counts.GetValueOrDefault("blobs");
        LogRetention(logger, months, transactions, blobs);
        return counts;
    }

    private async Task<ErasureOutcome> EraseAllAsync(
        IReadOnlyList<string> customerIds, IReadOnlyList<string> extraKeys, string action, string actor, CancellationToken cancellationToken)
    {
        if (!hasher.IsConfigured)
        {
            LogRefused(logger);
            return ErasureOutcome.NotConfigured;
        }

        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var erased = new List<string>();
        var recordIds = new List<string>();
        if (extraKeys.Count > 0)
        {
            await erasures.AddAsync(hasher.HashAll(extraKeys), time.GetUtcNow(), cancellationToken);
        }

        foreach (var customerId in customerIds.Distinct(StringComparer.Ordinal))
        {
            var records = await RecordsAsync(customerId, cancellationToken);
            var keys = records.SelectMany(IdentityHasher.KeysOf).ToList();
            if (keys.Count > 0)
            {
                await erasures.AddAsync(hasher.HashAll(keys), time.GetUtcNow(), cancellationToken);
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in records.Select(r => r.Id).Append(customerId).Distinct(StringComparer.Ordinal))
            {
                recordIds.Add(id);
                foreach (var (table, count) in await data.EraseAsync(SubjectOf(id, records), cancellationToken))
                {
                    counts[table] = counts.GetValueOrDefault(table) + count;
                }
            }

            await AuditAsync(action, actor, customerId, counts, null, cancellationToken);
            var rows = counts.Values.Sum();
            LogErased(logger, customerId, rows);
            foreach (var (table, count) in counts)
            {
                totals[table] = totals.GetValueOrDefault(table) + count;
            }

            erased.Add(customerId);
        }

        if (customerIds.Count == 0)
        {
            await AuditAsync(action, actor, null, totals, null, cancellationToken);
        }

        if (recordIds.Count > 0)
        {
            foreach (var followUp in followUps ?? [])
            {
                await followUp.ErasedAsync(recordIds, cancellationToken);
            }
        }

        return new ErasureOutcome(false, erased, totals);
    }

    // The customer, the records it was merged into, and the records merged into it (a merge keeps the merged record,
    // marked, with its details): one person, so erased together. A merged record's id derives from one of its identity
    // keys, which the survivor holds too, so it is found without a scan.
    private async Task<IReadOnlyList<CustomerRecord>> RecordsAsync(string customerId, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        var pending = new Queue<string>([customerId]);
        while (pending.TryDequeue(out var id) && records.Count < 32)
        {
            if (records.ContainsKey(id) || (await customers.GetAsync(id, cancellationToken))?.Value is not { } record)
            {
                continue;
            }

            records[id] = record;
            if (record.MergedInto is { } into)
            {
                pending.Enqueue(into);
            }

            foreach (var key in IdentityHasher.KeysOf(record))
            {
                var derived = CustomerIds.FromIdentityKey(key);
                if (!records.ContainsKey(derived) && (await customers.GetAsync(derived, cancellationToken))?.Value is { MergedInto: { } target }
                    && (target == id || records.ContainsKey(target)))
                {
                    pending.Enqueue(derived);
                }
            }
        }

        return [.. records.Values];
    }

    private async Task<IReadOnlyList<string>> FindAsync(IReadOnlyList<string> identityKeys, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var key in identityKeys)
        {
            if (await index.FindAsync(key, cancellationToken) is { } id && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static DataSubject SubjectOf(string customerId, IReadOnlyList<CustomerRecord> records)
    {
        var values = new List<string>();
        var derived = new List<string>();
        foreach (var record in records)
        {
            values.AddRange(record.PlatformKeys);
            if (record.Email is { } email)
            {
                values.Add(email);
                derived.Add(FrequencyCaps.KeyFor(MessageChannel.Email, email));
            }

            if (record.Phone is { } phone)
            {
                values.Add(phone);
                derived.Add(FrequencyCaps.KeyFor(MessageChannel.Sms, phone));
            }

            if (record.FirstName is { Length: > 0 } first && record.LastName is { Length: > 0 } last)
            {
                values.Add(first + " " + last);
            }
        }

        return new DataSubject(customerId, [.. values.Distinct(StringComparer.Ordinal)], [.. derived.Distinct(StringComparer.Ordinal)]);
    }

    private static Dictionary<string, int> Counts(CustomerDataExport export)
    {
        var counts = export.Tables.ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal);
        counts["blobs"] = export.Blobs.Count;
        return counts;
    }

    private Task AuditAsync(string action, string actor, string? customerId, IReadOnlyDictionary<string, int> counts, string? blob, CancellationToken cancellationToken) =>
        audit.RecordAsync(new PrivacyAuditEntry(action, actor, time.GetUtcNow(), customerId, counts, blob), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased customer {CustomerId}: {Rows} rows and blobs")]
    private static partial void LogErased(ILogger logger, string customerId, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure refused: Privacy:IdentitySalt is not set")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of {Months} months: deleted {Transactions} transactions and {Blobs} raw bodies")]
    private static partial void LogRetention(ILogger logger, int months, int transactions, int blobs);
}
