using System.Security.Cryptography;
using System.Text;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Csv;

/// <summary>One CSV row as one transaction, or its errors keyed "line {n}.{column}".</summary>
internal sealed class CsvRowReader(string defaultCurrency, string? defaultRegion)
{
    public NormalizedTransaction? Read(CsvColumns columns, IReadOnlyList<string> row, string rawRow, int line, ErrorBag errors)
    {
        var before = errors.Count;
        string? Cell(int index) => index >= 0 && index < row.Count && !string.IsNullOrWhiteSpace(row[index]) ? row[index].Trim() : null;
        void Fail(string column, string message) => errors.Add($"line {line}.{column}", message);

        var customerId = Cell(columns.CustomerId);
        var email = Cell(columns.Email) is { } rawEmail ? ContactNormalizer.Email(rawEmail) : null;
        if (Cell(columns.Email) is not null && email is null)
        {
            Fail("email", "Not a valid email address.");
        }

        var phone = Cell(columns.Phone) is { } rawPhone ? ContactNormalizer.Phone(rawPhone, defaultRegion) : null;
        if (Cell(columns.Phone) is not null && phone is null)
        {
            Fail("phone", "Not a valid phone number.");
        }

        if (customerId is null && Cell(columns.Email) is null && Cell(columns.Phone) is null)
        {
            errors.Add($"line {line}", "Needs customer_id, email or phone.");
        }

        var occurredAt = OccurredAt(Cell(columns.OccurredAt));
        if (occurredAt is null)
        {
            Fail("occurred_at", "Required: an ISO 8601 date (2024-05-01) or date-time (2024-05-01T10:15:00+02:00).");
        }

        decimal amount = 0m;
        if (Cell(columns.Amount) is not { } amountText || !Money.TryParse(amountText, out amount) || amount < 0m)
        {
            Fail("amount", "Required: a number from 0 to 10^12 with a '.' decimal point (a refund is kind=refund).");
        }

        var currency = Cell(columns.Currency)?.ToUpperInvariant() ?? defaultCurrency;
        if (!Money.IsCurrencyCode(currency))
        {
            Fail("currency", "Must be a 3-letter ISO 4217 code such as USD.");
        }

        var quantity = 1m;
        if (Cell(columns.Quantity) is { } quantityText && (!Money.TryParse(quantityText, out quantity) || quantity <= 0m))
        {
            Fail("quantity", "Must be a number > 0 and at most 10^12.");
        }

        var kind = Cell(columns.Kind)?.ToLowerInvariant() switch
        {
            null or "purchase" => TransactionKind.Purchase,
            "refund" => TransactionKind.Refund,
            _ => (TransactionKind?)null,
        };
        if (kind is null)
        {
            Fail("kind", "Must be purchase or refund.");
        }

        var channel = Cell(columns.Channel)?.ToLowerInvariant() switch
        {
            null or "online" => SalesChannel.Online,
            "pos" => SalesChannel.Pos,
            _ => (SalesChannel?)null,
        };
        if (channel is null)
        {
            Fail("channel", "Must be online or pos.");
        }

        if (errors.Count != before)
        {
            return null;
        }

        var transaction = new Transaction(
            SourceNames.Csv, ExternalId(Cell(columns.OrderId), line, rawRow), kind!.Value, occurredAt!.Value, currency,
            amount, 0m, [new LineItem(Cell(columns.Sku), Cell(columns.Category), quantity, amount)], channel!.Value,
            Cell(columns.Location));
        var customer = new CustomerIdentity(customerId is null ? null : "csv:" + customerId, email, phone);
        return new NormalizedTransaction(transaction, customer);
    }

    /// <summary>A date alone is midnight UTC; a date-time without offset is read as UTC too (documented).</summary>
    private static DateTimeOffset? OccurredAt(string? text)
    {
        if (Timestamps.TryParseDate(text, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return Timestamps.TryParseWithOffset(text, out var withOffset) ? withOffset
            : Timestamps.TryParseAsUtc(text, out var utc) ? utc
            : null;
    }

    /// <summary>
    /// order_id when given. Without it, the row's file line plus a short hash of its text: the same file imported
    /// again yields the same ids (and stores nothing twice), while an edited row becomes a new transaction.
    /// </summary>
    internal static string ExternalId(string? orderId, int line, string rawRow)
    {
        if (orderId is not null)
        {
            return "order:" + orderId;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(rawRow), hash);
        return $"line:{line}:{Convert.ToHexStringLower(hash[..4])}";
    }
}
