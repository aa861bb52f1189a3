using System.Globalization;
using System.Text;
using ChurnFunctions.Core.Customers;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;
using ChurnFunctions.Core.Sources;

namespace ChurnFunctions.Benchmarks.Nightly;

/// <summary>
/// The CDNOW file read by the ingest path's own normaliser (500-line envelopes, as `churn import` cuts them, so the
/// rows get the same ids) and folded per buyer by the ingest aggregator under the id the resolver gives a new buyer:
/// the rows `churn import` stores, without its per-row round trips.
/// </summary>
internal static class CdnowCustomers
{
    public static IReadOnlyList<SeedCustomer> Read(string path, ISourceNormalizer normalizer, DateTimeOffset now)
    {
        var byCustomer = new Dictionary<string, (CustomerRecord Record, List<Transaction> Transactions)>(StringComparer.Ordinal);
        foreach (var envelope in Envelopes(path, now))
        {
            var result = normalizer.Normalize(envelope);
            if (result.Errors is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"CDNOW rows the normaliser refuses: {string.Join("; ", errors.Keys.Take(5))}");
            }

            foreach (var item in result.Transactions)
            {
                var identity = item.Customer ?? throw new InvalidOperationException("A CDNOW row without a customer.");
                var id = CustomerIds.FromIdentityKey(IdentityKeys.For(identity)[0]);
                if (!byCustomer.TryGetValue(id, out var customer))
                {
                    customer = (new CustomerRecord { Id = id }, []);
                }

                var record = CustomerAggregator.Apply(CustomerAggregator.Apply(customer.Record, identity), item.Transaction);
                customer.Transactions.Add(item.Transaction);
                byCustomer[id] = (record, customer.Transactions);
            }
        }

        return [.. byCustomer.Values.Select(c => new SeedCustomer(c.Record, c.Transactions))];
    }

    private static IEnumerable<IngestEnvelope> Envelopes(string path, DateTimeOffset now)
    {
        var chunk = new StringBuilder();
        var firstLine = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 && !char.IsAsciiDigit(line.TrimStart().FirstOrDefault()))
            {
                continue;
            }

            if (chunk.Length == 0)
            {
                firstLine = lineNumber;
            }

            chunk.AppendLine(line);
            if (lineNumber - firstLine + 1 == FileImporter.RowsPerEnvelope)
            {
                yield return Envelope(chunk, firstLine, now);
                chunk.Clear();
            }
        }

        if (chunk.Length > 0)
        {
            yield return Envelope(chunk, firstLine, now);
        }
    }

    private static IngestEnvelope Envelope(StringBuilder chunk, int firstLine, DateTimeOffset now) =>
        new(SourceNames.Cdnow, now, new Dictionary<string, string> { [ImportHeaders.FirstLine] = firstLine.ToString(CultureInfo.InvariantCulture) }, chunk.ToString());
}
