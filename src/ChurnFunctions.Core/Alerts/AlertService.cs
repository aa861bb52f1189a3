using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnFunctions.Core.Alerts;

/// <summary>
/// Stores each new alert once per condition per day, then tells staff once per rule: one digest listing the run's
/// new alerts of that rule through every configured channel, however many customers it names.
/// </summary>
public sealed partial class AlertService(
    IAlertStore store,
    ICustomerStore customers,
    IEnumerable<IAlertChannel> channels,
    IOptions<AlertOptions> options,
    ILogger<AlertService> logger)
{
    /// <summary>Returns the alerts that were new (not raised before for the same day and condition).</summary>
    public async Task<IReadOnlyList<Alert>> RaiseAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);

        // A day can name thousands of customers (one alert each): their inserts overlap, with a bound, and the new
        // ones keep the order they were raised in.
        var isNew = new bool[alerts.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, alerts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => isNew[i] = await store.TryAddAsync(alerts[i], ct));
        var raised = alerts.Where((_, i) => isNew[i]).ToList();

        foreach (var group in raised.GroupBy(a => (a.Date, a.Rule)))
        {
            var ordered = AlertDigestComposer.Order(group);
            var contacts = await ContactsAsync(ordered.Take(options.Value.DigestTopItems), cancellationToken);
            var digest = AlertDigestComposer.Compose(ordered, contacts, options.Value);
            foreach (var channel in channels)
            {
                try
                {
                    await channel.DeliverAsync(digest, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The alerts are stored and listed by GET /api/alerts; one failed channel must not hide them from the others.
                    LogDeliveryFailed(logger, digest.Rule, ordered.Count, channel.Name, ex);
                }
            }

            LogDigestSent(logger, digest.Rule, ordered.Count, digest.Date);
        }

        return raised;
    }

    /// <summary>Storage round trips kept in flight at once.</summary>
    private const int Parallelism = 8;

    /// <summary>How staff know the customers the digest shows: only those (the digest's top items), one point read each, overlapped.</summary>
    private async Task<Dictionary<string, string>> ContactsAsync(IEnumerable<Alert> shown, CancellationToken cancellationToken)
    {
        var ids = shown.Select(a => a.CustomerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var records = new Versioned<CustomerRecord>?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => records[i] = await customers.GetAsync(ids[i], ct));
        var contacts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (records[i]?.Value is { } record && Label(record) is { } label)
            {
                contacts[ids[i]] = label;
            }
        }

        return contacts;
    }

    private static string? Label(CustomerRecord record)
    {
        var name = string.Join(' ', new[] { record.FirstName, record.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return (name.Length > 0, record.Email) switch
        {
            (true, { } email) => $"{name} <{email}>",
            (true, null) => name,
            (false, { } email) => email,
            _ => record.Phone,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert digest {Rule} ({Alerts} alerts) could not be delivered through {Channel}")]
    private static partial void LogDeliveryFailed(ILogger logger, string rule, int alerts, string channel, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert digest {Rule} for {Date}: {Alerts} new alerts in one message")]
    private static partial void LogDigestSent(ILogger logger, string rule, int alerts, DateOnly date);
}
