using System.Text.Json;
using ChurnFunctions.Core.Domain;
using ChurnFunctions.Core.Ingest;

namespace ChurnFunctions.Core.Sources.Pos;

/// <summary>Reads and validates one POS transaction object; every problem is added to the error bag by path.</summary>
internal sealed class PosTransactionReader(string? defaultRegion, ErrorBag errors)
{
    private const int MaxIdLength = 128;

    public NormalizedTransaction? Read(JsonElement item, string prefix)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix.Length == 0 ? "body" : prefix, "Expected a transaction object.");
            return null;
        }

        var before = errors.Count;
        var id = RequiredId(item, "id", prefix);
        var occurredAt = RequiredTime(item, "occurredAt", prefix);
        var currency = RequiredCurrency(item, prefix);
        var total = Amount(item, "total", prefix, required: true);
        var discounts = Amount(item, "discounts", prefix, required: false);
        var kind = Choice(item, "kind", prefix, TransactionKind.Purchase, ("purchase", TransactionKind.Purchase), ("refund", TransactionKind.Refund));
        var channel = Choice(item, "channel", prefix, SalesChannel.Pos, ("pos", SalesChannel.Pos), ("online", SalesChannel.Online));
        var location = OptionalString(item, "location", prefix);
        var refundOf = OptionalString(item, "refundOf", prefix);
        var lines = ReadLines(item, prefix);
        var customerPath = Path(prefix, "customer");
        var customer = Guarded(customerPath, () => new PosCustomerReader(defaultRegion, errors).Read(item, customerPath, occurredAt));
        if (errors.Count != before)
        {
            return null;
        }

        var transaction = new Transaction(
            SourceNames.Pos, id!, kind, occurredAt!.Value, currency!, total!.Value, discounts ?? 0m, lines, channel,
            location, kind == TransactionKind.Refund ? refundOf : null);
        return new NormalizedTransaction(transaction, customer);
    }

    internal static string Path(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private string? RequiredId(JsonElement item, string name, string prefix)
    {
        var id = item.Id(name);
        if (id is null)
        {
            errors.Add(Path(prefix, name), "Required: a non-empty string.");
        }
        else if (id.Length > MaxIdLength)
        {
            errors.Add(Path(prefix, name), $"At most {MaxIdLength} characters.");
        }

        return id;
    }

    private DateTimeOffset? RequiredTime(JsonElement item, string name, string prefix)
    {
        var text = item.String(name);
        if (Timestamps.TryParseWithOffset(text, out var value))
        {
            return value;
        }

        errors.Add(Path(prefix, name), text is null
            ? "Required: an ISO 8601 date-time with offset, e.g. 2024-05-01T10:15:00+02:00."
            : "Not an ISO 8601 date-time with offset, e.g. 2024-05-01T10:15:00+02:00 or 2024-05-01T08:15:00Z.");
        return null;
    }

    private string? RequiredCurrency(JsonElement item, string prefix)
    {
        var currency = item.String("currency");
        if (Money.IsCurrencyCode(currency))
        {
            return currency!.ToUpperInvariant();
        }

        errors.Add(Path(prefix, "currency"), "Required: a 3-letter ISO 4217 code such as USD.");
        return null;
    }

    private decimal? Amount(JsonElement item, string name, string prefix, bool required)
    {
        if (item.Property(name) is null)
        {
            if (required)
            {
                errors.Add(Path(prefix, name), "Required: a number >= 0.");
            }

            return null;
        }

        var value = item.Decimal(name);
        if (value is not >= 0m)
        {
            errors.Add(Path(prefix, name), "Must be a number >= 0 (a refund is kind \"refund\" with a positive total).");
            return null;
        }

        return value;
    }

    private T Choice<T>(JsonElement item, string name, string prefix, T fallback, params (string Name, T Value)[] options)
    {
        if (item.Property(name) is null)
        {
            return fallback;
        }

        var text = item.String(name);
        foreach (var option in options)
        {
            if (string.Equals(text, option.Name, StringComparison.OrdinalIgnoreCase))
            {
                return option.Value;
            }
        }

        errors.Add(Path(prefix, name), $"Must be one of: {string.Join(", ", options.Select(o => o.Name))}.");
        return fallback;
    }

    private string? OptionalString(JsonElement item, string name, string prefix)
    {
        if (item.Property(name) is { ValueKind: not JsonValueKind.String } and not { ValueKind: JsonValueKind.Number })
        {
            errors.Add(Path(prefix, name), "Must be a string.");
            return null;
        }

        return item.Id(name);
    }

    private List<LineItem> ReadLines(JsonElement item, string prefix)
    {
        var lines = new List<LineItem>();
        if (item.Property("lines") is not { } array)
        {
            return lines;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Path(prefix, "lines"), "Must be an array of lines.");
            return lines;
        }

        var index = 0;
        foreach (var line in array.EnumerateArray())
        {
            var path = $"{Path(prefix, "lines")}[{index++}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Expected a line object.");
                continue;
            }

            Guarded(path, () => ReadLine(line, path, lines));
        }

        return lines;
    }

    private void ReadLine(JsonElement line, string path, List<LineItem> lines)
    {
        var amount = Amount(line, "amount", path, required: true);
        var quantity = line.Property("quantity") is null ? 1m : line.Decimal("quantity");
        if (quantity is not > 0m)
        {
            errors.Add(Path(path, "quantity"), "Must be a number > 0.");
        }

        if (amount is { } a && quantity is > 0m)
        {
            lines.Add(new LineItem(OptionalString(line, "sku", path), OptionalString(line, "category", path), quantity.Value, a));
        }
    }

    /// <summary>Runs a nested reader so that a field it cannot take is reported under the nested object's path.</summary>
    private T? Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidFieldException ex)
        {
            errors.Add(Path(path, ex.Field), ex.Message);
            return default;
        }
    }

    private void Guarded(string path, Action read) => Guarded(path, () =>
    {
        read();
        return true;
    });
}
